import { EXCHANGE_EVENT_TYPES } from '@ketenregie/exchange-contracts';
import { OVERDRACHT_STATUSSEN } from '@ketenregie/exchange-domain';
import { z } from 'zod';

/** Body of the workflow's delivery step. */
export const vrijgaveLeveringSchema = z.strictObject({
  sleutel: z.string().min(1).max(300),
  besluitId: z.uuid(),
  vrijgaven: z.array(z.strictObject({ categorie: z.string().max(40), velden: z.array(z.string().max(60)).max(100) })).max(20),
});

/** Body of the workflow's step registration (see `StapRegistratie`). */
export const stapRegistratieSchema = z.strictObject({
  sleutel: z.string().min(1).max(300),
  status: z.enum(OVERDRACHT_STATUSSEN as unknown as [string, ...string[]]).transform((s) => s as (typeof OVERDRACHT_STATUSSEN)[number]),
  gebeurtenis: z.enum(EXCHANGE_EVENT_TYPES),
  termijn: z.strictObject({ soort: z.enum(['toestemming', 'acceptatie']), uiterlijk: z.iso.date() }).optional(),
  taak: z
    .strictObject({
      voor: z.enum(['zender', 'ontvanger', 'regievoerder']),
      soort: z.enum([
        'toestemming-verkrijgen',
        'toestemming-herinnering',
        'toestemming-escalatie',
        'acceptatie-herinnering',
        'acceptatie-escalatie',
        'afwijzing-opvolgen',
        'driegesprek-plannen',
        'nazorg-checkin',
        'overdracht-beeindigd',
      ]),
      vervalt: z.iso.date().optional(),
    })
    .optional(),
  gegevens: z
    .record(z.string().max(60), z.union([z.string().max(200), z.number(), z.boolean()]))
    .refine((g) => Object.keys(g).length <= 50, 'at most 50 entries')
    .optional(),
});

/** Body of the workflow's withdrawal step: a coded reason. */
export const dossierIntrekkingSchema = z.strictObject({ reden: z.string().max(60).optional() });

export type DossierIntrekking = z.infer<typeof dossierIntrekkingSchema>;
export type VrijgaveLevering = z.infer<typeof vrijgaveLeveringSchema>;
export type StapBody = z.infer<typeof stapRegistratieSchema>;
