import { pseudoniemSleutelConfigShape, requirePseudonymKeyWhenDistributed, withEmbeddedPseudonymKey } from '@ketenregie/consent-data-access';
import { kluisConfigSchema } from '@ketenregie/shared-crypto';
import { databaseConfigSchema, httpConfigSchema, modeConfigSchema, observabilityConfigShape, temporalConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';
import { consentWorkerConfigSchema } from '../consent/consent-worker.config';
import { exchangeWorkerConfigSchema } from '../exchange/exchange-worker.config';
import { plaatsingWorkerConfigSchema } from '../plaatsing/plaatsing-worker.config';

/**
 * The worker's environment, validated once in `main.ts`: Temporal, logging, the database the
 * activity adapters write to (each context in its own schema) and the pseudonymisation key of
 * the processing log, which must be the one consent-service uses (`npm start` gives both the
 * same value; embedded mode falls back to the shared demo key).
 */
export const workerConfigSchema = z
  .object({
    LOG_LEVEL: httpConfigSchema.shape.LOG_LEVEL,
    ...modeConfigSchema.shape,
    ...temporalConfigSchema.shape,
    ...databaseConfigSchema.shape,
    ...exchangeWorkerConfigSchema.shape,
    ...plaatsingWorkerConfigSchema.shape,
    ...consentWorkerConfigSchema.shape,
    ...kluisConfigSchema.shape,
    ...pseudoniemSleutelConfigShape,
    ...observabilityConfigShape(),
    /** Interface of the worker's HTTP listener (`/metrics`, `/health/*`); `0.0.0.0` in containers. */
    WORKER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    /** Port of the worker's HTTP listener; 0 picks a free one. */
    WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    /** Loopback port of the Temporal SDK's Prometheus exporter, forwarded at the worker's `/metrics`; unset: a free one. */
    TEMPORAL_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** After shutdown began, how long running activities may finish before they are cancelled (and retried elsewhere). */
    WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Workflow runs each worker keeps in memory (sticky cache); unset: the SDK's default from the heap size. */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).optional(),
    /** Comma-separated task queues this process polls (one deployment per queue scales each on its own); unset: every queue. */
    WORKER_TASK_QUEUES: z
      .string()
      .optional()
      .transform((v) =>
        v
          ?.split(',')
          .map((q) => q.trim())
          .filter((q) => q.length > 0),
      ),
  })
  .superRefine((c, ctx) => {
    requirePseudonymKeyWhenDistributed(c, ctx);
    // The worker's service identity: client credentials at the identity provider in distributed mode.
    for (const naam of ['AUTH_TOKEN_URL', 'WORKER_CLIENT_SECRET'] as const) {
      if (c.KETENREGIE_MODE === 'distributed' && !c[naam]) ctx.addIssue({ code: 'custom', path: [naam], message: 'is required in distributed mode' });
    }
  })
  .transform(withEmbeddedPseudonymKey);

export type WorkerConfig = z.output<typeof workerConfigSchema>;

/** Injection token of the validated {@link WorkerConfig}; every module of the worker can inject it. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
