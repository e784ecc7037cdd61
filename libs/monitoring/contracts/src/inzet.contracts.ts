import { z } from 'zod';
import { EXPERTISE_PATROON, INZET_UREN_MAX } from '@ketenregie/monitoring-domain';

/**
 * Body of `POST /api/v1/convenanten/{id}/inzet`: the hours the caller's own organisation delivered
 * in one month per coded expertise. Strict: an organisation in the body is refused (the
 * organisation is the caller's, from the server).
 */
export const inzetRegistrerenSchema = z.strictObject({
  maand: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .describe('The month the hours were delivered in'),
  expertise: z.string().regex(EXPERTISE_PATROON, 'a code: lower-case letters, digits and -').describe('Coded expertise, e.g. schuldhulp'),
  uren: z.number().positive().max(INZET_UREN_MAX).describe('Hours, in quarters of an hour'),
});
/** Body of `POST /convenanten/{id}/inzet`. */
export type InzetRegistreren = z.infer<typeof inzetRegistrerenSchema>;

/** One registration as served. */
export const inzetSchema = z.object({
  convenantId: z.string(),
  organisatieId: z.string(),
  maand: z.string(),
  expertise: z.string(),
  uren: z.number(),
  geregistreerdOp: z.string().describe('When it was (last) registered'),
});

/** `GET /convenanten/{id}/inzet`. */
export const inzetLijstSchema = z.object({ convenantId: z.string(), registraties: z.array(inzetSchema) });
