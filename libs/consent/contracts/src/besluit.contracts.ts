import { ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON } from '@ketenregie/shared-kernel';
import { z } from 'zod';
import { DATA_CATEGORIEEN_MAX, dataCategorieSchema, doelSchema, instantSchema, opaqueIdSchema, organisatieTypeSchema } from './toestemming.contracts';

/** `POST`: decide (and log) whether categories may be disclosed. */
export const BESLUITEN_PATH = '/api/v1/besluiten';

export const organisatieSchema = z.strictObject({
  organisatie: z
    .string()
    .max(ORGANISATIE_ID_MAX)
    .regex(ORGANISATIE_ID_PATROON, 'organisation id of the registry')
    .describe('Organisation id (see GET /api/v1/organisaties)'),
  type: organisatieTypeSchema,
});

/**
 * `POST /api/v1/besluiten`. The disclosing organisation (`bron`) is the caller's organisation
 * from the token; the decision instant is the service clock. A W3C `traceparent` header links
 * the decision's log line to the caller's trace.
 */
export const besluitVerzoekSchema = z
  .object({
    deelnemerId: opaqueIdSchema,
    // The registry decides the recipient's type: optional, refused when it disagrees (400).
    ontvanger: organisatieSchema.extend({ type: organisatieTypeSchema.optional() }),
    doel: doelSchema,
    categorieen: z.array(dataCategorieSchema).min(1).max(DATA_CATEGORIEEN_MAX),
  })
  .strict();

const wettelijkeGrondslagSchema = z.object({
  avg: z.enum(['art6-1-b-overeenkomst', 'art6-1-c-wettelijke-verplichting', 'art6-1-e-publieke-taak']),
  wet: z.string(),
});

/** The statutory regime of one category, independent of consent. */
export const wettelijkRegimeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('grondslag'), grondslag: wettelijkeGrondslagSchema }),
  z.object({
    status: z.literal('onvoldoende'),
    grondslag: wettelijkeGrondslagSchema,
    reden: z.enum(['BIJZONDER_GEGEVEN', 'PROFIEL_VEREIST_TOESTEMMING']),
  }),
  z.object({ status: z.literal('geen-grondslag') }),
]);

/** The consent regime of one category, independent of the statutory basis. */
export const toestemmingRegimeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('verleend'), toestemmingen: z.array(opaqueIdSchema) }),
  z.object({
    status: z.literal('geen'),
    afgewezen: z.array(
      z.object({
        toestemmingId: opaqueIdSchema,
        reden: z.enum([
          'ANDER_DOEL',
          'ANDERE_ONTVANGER',
          'ANDERE_BRON',
          'CATEGORIE_NIET_BEGREPEN',
          'VERLENER_NIET_BEVOEGD',
          'NIET_GEGEVEN',
          'NOG_NIET_GELDIG',
          'INGETROKKEN',
          'VERLOPEN',
          'VERVANGEN',
        ]),
      }),
    ),
  }),
]);

export const categorieBesluitSchema = z.object({
  categorie: dataCategorieSchema,
  uitkomst: z.enum(['toegestaan', 'geweigerd']),
  velden: z.array(z.string()).describe('Fields that may be released; empty when denied'),
  verleendOp: z.array(z.enum(['wettelijke-grondslag', 'toestemming'])),
  wettelijk: wettelijkRegimeSchema,
  toestemming: toestemmingRegimeSchema,
  weigerreden: z
    .enum([
      'GEEN_REGISTER',
      'DOEL_NIET_IN_REGISTER',
      'ONTVANGER_NIET_IN_REGISTER',
      'CATEGORIE_NIET_IN_REGISTER',
      'BUITEN_RELEASEPROFIEL',
      'TOESTEMMING_VEREIST',
      'GEEN_GRONDSLAG_OF_TOESTEMMING',
    ])
    .optional(),
});

/** The decision, as logged: it refers to the register version and processing activity it applied. */
export const besluitSchema = z.object({
  id: opaqueIdSchema,
  op: instantSchema,
  deelnemerId: opaqueIdSchema,
  bron: organisatieSchema,
  ontvanger: organisatieSchema,
  doel: doelSchema,
  registerVersie: z.number().int().optional(),
  verwerkingsactiviteit: z.object({ id: z.string(), versie: z.number().int() }).optional(),
  uitkomst: z.enum(['toegestaan', 'geweigerd', 'deels']),
  categorieen: z.array(categorieBesluitSchema),
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
});

export type BesluitVerzoekDto = z.infer<typeof besluitVerzoekSchema>;
export type BesluitDto = z.infer<typeof besluitSchema>;
