import { isDomainError } from '@ketenregie/shared-kernel';
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';

/**
 * How a workflow's update refuses a command, as every context's client reads it: a typed,
 * non-retryable `ApplicationFailure` whose `type` is the domain code and whose first detail is
 * `{ code, kind, fields }` (what `ProblemDetailsFilter` turns into problem+json). Safe in workflow
 * code: no I/O.
 */

/** A domain error as that failure; anything else as it is. */
export function alsWorkflowFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.detail,
    nonRetryable: true,
    details: [{ code: error.code, kind: error.kind, fields: error.fields ?? {} }],
  });
}

/** The command as its schema parses it, or that failure with `code` (kind `validation`) and each field's message. */
export function valideerOpdracht<S extends z.ZodType>(schema: S, code: string, invoer: unknown): z.output<S> {
  const r = schema.safeParse(invoer);
  if (r.success) return r.data;
  const fields = Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  throw ApplicationFailure.create({
    type: code,
    message: 'The command does not match its schema',
    nonRetryable: true,
    details: [{ code, kind: 'validation', fields }],
  });
}
