import { z } from 'zod';

/**
 * The contract of a context's feed as monitor-service reads it (`feedPagina` of shared-kernel
 * builds the page): every context that publishes to monitoring states its page with this one.
 */
/** The contract of a feed page: `source`, the published `types`, `subject` of the given kinds, and its data schema. */
export function feedPaginaSchema<D extends z.ZodType>(source: string, types: readonly [string, ...string[]], subjectSoorten: readonly string[], data: D) {
  const event = z.object({
    specversion: z.literal('1.0'),
    id: z.string().uuid(),
    source: z.literal(source),
    type: z.enum(types),
    subject: z.string().regex(new RegExp(`^(${subjectSoorten.join('|')})/[0-9a-f-]{36}$`)),
    time: z.string(),
    datacontenttype: z.literal('application/json'),
    sequence: z.number().int(),
    sequencetype: z.literal('Integer'),
    datum: z.string(),
    data,
  });
  return z.object({ gebeurtenissen: z.array(event), laatste: z.number().int() });
}
