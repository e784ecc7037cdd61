import { DATA_CATEGORIEEN, ORGANISATIE_TYPEN } from '@ketenregie/consent-domain';
import { ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON } from '@ketenregie/shared-kernel';
import { z } from 'zod';

/** `POST` (record) and `GET ?deelnemerId=` (list) of consents. */
export const TOESTEMMINGEN_PATH = '/api/v1/toestemmingen';
/** `POST` withdraws the consent `{id}` now. */
export const intrekkingPath = (toestemmingId: string) => `${TOESTEMMINGEN_PATH}/${encodeURIComponent(toestemmingId)}/intrekking`;

/** Opaque ids (UUIDs): never a BSN, a name or anything else that identifies a person by itself. */
export const opaqueIdSchema = z.uuid().describe('Opaque id (UUID)');

/** An instant on the wire: ISO-8601 with offset, e.g. `2026-03-02T09:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');

/** Upper bound of a list of data categories in a request: each category at most once. */
export const DATA_CATEGORIEEN_MAX = DATA_CATEGORIEEN.length;
/** Upper bound of a list of sources or recipients in a consent. */
const SELECTOREN_MAX = 50;

export const dataCategorieSchema = z
  .enum(DATA_CATEGORIEEN)
  .describe('Data category; `gezondheid` and `beperkingen-werk` are special-category data (AVG art. 9)');
export const organisatieTypeSchema = z.enum(ORGANISATIE_TYPEN);

/** A purpose code of the processing register (doelbinding), e.g. `verwijzing-ggz`. */
export const doelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,62}$/)
  .describe('Purpose code from the processing register, e.g. verwijzing-ggz');

export const organisatieSelectorSchema = z.discriminatedUnion('soort', [
  z.strictObject({
    soort: z.literal('organisatie'),
    organisatie: z.string().max(ORGANISATIE_ID_MAX).regex(ORGANISATIE_ID_PATROON, 'organisation id of the registry'),
  }),
  z.strictObject({ soort: z.literal('type'), type: organisatieTypeSchema }),
]);

export const verlenerSchema = z.discriminatedUnion('soort', [
  z.strictObject({ soort: z.literal('deelnemer') }),
  z.strictObject({
    soort: z.literal('wettelijk-vertegenwoordiger'),
    hoedanigheid: z.enum(['curator', 'mentor', 'bewindvoerder', 'gezaghebbende-ouder', 'voogd']),
    vertegenwoordiger: opaqueIdSchema.describe('Opaque person id of the representative'),
  }),
]);

export const bewijsSchema = z.discriminatedUnion('soort', [
  z.strictObject({ soort: z.literal('ondertekend-formulier'), documentId: z.string().min(1).max(200) }),
  z.strictObject({ soort: z.literal('digitaal-ondertekend'), ondertekeningId: z.string().min(1).max(200) }),
  z.strictObject({
    soort: z.literal('mondeling-met-getuige'),
    getuige: z.string().min(1).max(100).describe('Subject id of the witnessing professional'),
    notitie: z.string().min(1).max(1000).describe('Circumstances; no health details'),
  }),
]);

/**
 * `POST /api/v1/toestemmingen`: record a consent given now. The recording professional and the
 * instant come from the token and the service clock, never from the body. `geldigVanaf` may lie
 * in the future, not in the past.
 */
export const toestemmingAanvraagSchema = z
  .object({
    deelnemerId: opaqueIdSchema,
    verlener: verlenerSchema,
    doel: doelSchema,
    categorieen: z.array(dataCategorieSchema).min(1).max(DATA_CATEGORIEEN_MAX),
    bronnen: z.array(organisatieSelectorSchema).min(1).max(SELECTOREN_MAX),
    ontvangers: z.array(organisatieSelectorSchema).min(1).max(SELECTOREN_MAX),
    geldigVanaf: instantSchema.optional(),
    geldigTot: instantSchema,
    bewijs: bewijsSchema,
    /** Supersede this earlier consent of the same deelnemer and purpose. */
    vervangt: opaqueIdSchema.optional(),
  })
  .strict();

export const toestemmingGebeurtenisSchema = z.object({
  status: z.enum(['gegeven', 'ingetrokken', 'verlopen', 'vervangen']),
  op: instantSchema,
  door: z.string().optional(),
  reden: z.string().optional(),
  vervangenDoor: opaqueIdSchema.optional(),
});

/** A consent as the API returns it, with its full status history in order. */
export const toestemmingSchema = z.object({
  id: opaqueIdSchema,
  deelnemerId: opaqueIdSchema,
  verlener: verlenerSchema,
  doel: doelSchema,
  categorieen: z.array(dataCategorieSchema),
  bronnen: z.array(organisatieSelectorSchema),
  ontvangers: z.array(organisatieSelectorSchema),
  geldigVanaf: instantSchema,
  geldigTot: instantSchema,
  bewijs: bewijsSchema,
  vervangt: opaqueIdSchema.optional(),
  status: z.enum(['gegeven', 'ingetrokken', 'verlopen', 'vervangen']).describe('Status after the last event'),
  historie: z.array(toestemmingGebeurtenisSchema),
});

/** `GET /api/v1/toestemmingen?deelnemerId=` */
export const toestemmingLijstQuerySchema = z.object({ deelnemerId: opaqueIdSchema }).strict();
export const toestemmingLijstSchema = z.array(toestemmingSchema);

/**
 * `POST /api/v1/toestemmingen/{id}/intrekking`: withdraw now. Strict on purpose: a body that
 * tries to set an effective date is rejected, because withdrawal is never backdated.
 */
export const intrekkingSchema = z.object({ reden: z.string().max(500).optional().describe('Optional reason; no health details') }).strict();

export type ToestemmingAanvraagDto = z.infer<typeof toestemmingAanvraagSchema>;
export type ToestemmingDto = z.infer<typeof toestemmingSchema>;
export type ToestemmingLijstQueryDto = z.infer<typeof toestemmingLijstQuerySchema>;
export type IntrekkingDto = z.infer<typeof intrekkingSchema>;

/** `GET`: the caller's reminders of consents that expire soon. */
export const HERINNERINGEN_PATH = '/api/v1/herinneringen';

/** A coach's reminder: this consent expires at `geldigTot`; talk to the deelnemer about renewing it. */
export const herinneringSchema = z.object({
  toestemmingId: opaqueIdSchema,
  deelnemerId: opaqueIdSchema,
  geldigTot: instantSchema,
  aangemaaktOp: instantSchema,
});

export type HerinneringDto = z.infer<typeof herinneringSchema>;
