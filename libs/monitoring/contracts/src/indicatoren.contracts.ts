import { z } from 'zod';
import { AFSPRAAK_SIGNALEN, EENHEDEN, INDICATOR_CODES, PERIODE_SOORTEN, TOEZEGGING_SOORTEN } from '@ketenregie/monitoring-domain';

/** The written definition of an indicator, served with its figures. */
export const indicatorDefinitieSchema = z.object({
  code: z.enum(INDICATOR_CODES),
  naam: z.string(),
  teller: z.string(),
  noemer: z.string(),
  periodeRegel: z.string(),
  toelichting: z.string(),
});

/** One released figure (a sum of released base cells only; null when suppressed). */
export const indicatorCelSchema = z.object({
  indicator: z.enum(INDICATOR_CODES),
  meting: z.string().describe('A count measure, or aandeel (percentage) or mediaan'),
  categorie: z.string(),
  partner: z.string().describe('An organisation id, or alle for the total over the selected partners'),
  periode: z.string().describe('2026-03, 2026-K1 or 2026'),
  waarde: z.number().nullable(),
  onderdrukt: z.boolean(),
  onvolledig: z.boolean(),
});

/** `GET /api/v1/indicatoren`. */
export const indicatorRapportSchema = z.object({
  periode: z.enum(PERIODE_SOORTEN),
  peildatum: z.string(),
  indicatoren: z.array(z.object({ definitie: indicatorDefinitieSchema, cellen: z.array(indicatorCelSchema) })),
});

/** One commitment of one partner in one period beside the released figure. */
export const afspraakRegelSchema = z.object({
  partner: z.string(),
  soort: z.enum(TOEZEGGING_SOORTEN),
  expertise: z.string().optional(),
  versie: z.number().int(),
  periodeSoort: z.enum(PERIODE_SOORTEN),
  periode: z.string(),
  toezegging: z.number(),
  eenheid: z.enum(EENHEDEN),
  indicator: z.enum(INDICATOR_CODES).nullable().describe('Where the figure comes from; null: the chain records nothing for this commitment'),
  gerealiseerd: z.number().nullable(),
  onderdrukt: z.boolean(),
  onvolledig: z.boolean(),
  lopend: z.boolean(),
  signaal: z.enum(AFSPRAAK_SIGNALEN),
  context: z.string(),
});

/** `GET /api/v1/convenanten/{id}/afspraken`. */
export const afsprakenRapportSchema = z.object({
  convenantId: z.string().uuid(),
  peildatum: z.string(),
  regels: z.array(afspraakRegelSchema),
  definities: z.array(indicatorDefinitieSchema),
});

const maand = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
/** Query of `GET /api/v1/convenanten/{id}/afspraken[/export]`. */
export const afsprakenQuerySchema = z.object({ van: maand.optional(), tot: maand.optional() }).strict();
