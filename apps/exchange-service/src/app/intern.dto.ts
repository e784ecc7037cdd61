import { EXCHANGE_EVENT_TYPES } from '@ketenregie/exchange-contracts';
import { OVERDRACHT_STATUSSEN } from '@ketenregie/exchange-domain';
import { z } from 'zod';

/** Body of the workflow's delivery step. */
export const vrijgaveLeveringSchema = z.object({
  sleutel: z.string().min(1).max(300),
  besluitId: z.uuid(),
  vrijgaven: z.array(z.object({ categorie: z.string().max(40), velden: z.array(z.string().max(60)) })),
});

/** Body of the workflow's step registration (see `StapRegistratie`). */
export const stapRegistratieSchema = z.object({
  sleutel: z.string().min(1).max(300),
  status: z.enum(OVERDRACHT_STATUSSEN as unknown as [string, ...string[]]).transform((s) => s as (typeof OVERDRACHT_STATUSSEN)[number]),
  gebeurtenis: z.enum(EXCHANGE_EVENT_TYPES),
  termijn: z.object({ soort: z.enum(['toestemming', 'acceptatie']), uiterlijk: z.iso.date() }).optional(),
  taak: z
    .object({
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
  gegevens: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});

export type VrijgaveLevering = z.infer<typeof vrijgaveLeveringSchema>;
export type StapBody = z.infer<typeof stapRegistratieSchema>;
