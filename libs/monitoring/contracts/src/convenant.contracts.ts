import { z } from 'zod';
import { EENHEDEN, INDICATOR_CODES, PERIODE_SOORTEN, TOEZEGGING_SOORTEN } from '@ketenregie/monitoring-domain';

/** Path of the convenanten resource (monitor-service). */
export const CONVENANTEN_PATH = '/api/v1/convenanten';

const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const organisatieId = z.string().min(1).max(64);

/** A commitment of a party. */
export const toezeggingSchema = z.object({
  soort: z.enum(TOEZEGGING_SOORTEN),
  waarde: z.number().positive(),
  eenheid: z.enum(EENHEDEN),
  periode: z.enum(PERIODE_SOORTEN),
  expertise: z.string().max(64).optional().describe('Coded expertise for uren-en-expertise (e.g. schuldhulp)'),
});

/** A party and its commitments. */
export const convenantPartijSchema = z.object({ organisatieId, toezeggingen: z.array(toezeggingSchema).max(20) });

/** A target value per period for an indicator. */
export const indicatorDoelSchema = z.object({
  indicator: z.enum(INDICATOR_CODES),
  streefwaarde: z.number().min(0),
  eenheid: z.enum(EENHEDEN),
  periode: z.enum(PERIODE_SOORTEN),
  partij: organisatieId.optional().describe('Only this party; absent: the partnership as a whole'),
});

const inhoud = {
  naam: z.string().min(1).max(200),
  startdatum: datum,
  einddatum: datum,
  partijen: z.array(convenantPartijSchema).min(2).max(30),
  doelen: z.array(indicatorDoelSchema).max(100),
};

/** Body of `POST /api/v1/convenanten`: a new convenant with its first version (the gemeente). */
export const convenantAanmakenSchema = z.object({ stuurgroepId: organisatieId, ...inhoud }).strict();

/** Body of `POST /api/v1/convenanten/{id}/versies`: an amendment, in force from `ingangsdatum` (default today). */
export const convenantWijzigenSchema = z.object({ ingangsdatum: datum.optional(), ...inhoud }).strict();

/** One version as served. */
export const convenantVersieSchema = z.object({
  versie: z.number().int(),
  ingangsdatum: datum,
  vastgesteldDoor: z.string(),
  ...inhoud,
});

/** A convenant as served: the version in force today and every version's number and date. */
export const convenantSchema = z.object({
  id: z.string().uuid(),
  stuurgroepId: z.string(),
  huidig: convenantVersieSchema,
  versies: z.array(z.object({ versie: z.number().int(), ingangsdatum: datum })),
});

export type ConvenantAanmaken = z.infer<typeof convenantAanmakenSchema>;
export type ConvenantWijzigen = z.infer<typeof convenantWijzigenSchema>;
export type ConvenantVersieDto = z.infer<typeof convenantVersieSchema>;
export type ConvenantDto = z.infer<typeof convenantSchema>;
