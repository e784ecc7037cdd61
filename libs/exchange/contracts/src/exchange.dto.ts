import {
  AFWIJZING_REDENEN,
  EINDREDENEN,
  EINDSTATUSSEN,
  OVERDRACHT_STATUSSEN,
  VERWIJZING_AFWIJZING_REDENEN,
  VERWIJZING_SOORTEN,
  VERWIJZING_STATUSSEN,
} from '@ketenregie/exchange-domain';
import { ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON, ORGANISATIE_TYPES } from '@ketenregie/shared-kernel';
import { EXCHANGE_EVENT_TYPES } from './exchange.cloudevents';
import { z } from 'zod';

export const INBOX_PATH = '/api/v1/inbox';
export const OVERDRACHTEN_PATH = '/api/v1/overdrachten';
export const VERWIJZINGEN_PATH = '/api/v1/verwijzingen';

/** The states in which a handover has ended (nothing follows), for a client that waits for its end. */
export const OVERDRACHT_EINDSTATUSSEN: readonly string[] = EINDSTATUSSEN;
export const ABONNEMENTEN_PATH = '/api/v1/abonnementen';

/** Opaque ids (UUIDs): never a BSN or a name. */
export const exchangeIdSchema = z.uuid();
const isoDatum = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(40);
/** Free text sent between professionals; the API refuses nine-digit numbers (a BSN never travels as text). */
const tekst = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((t) => !/\b\d{9}\b/.test(t), 'no BSN in free text');

export const partijSchema = z.strictObject({
  organisatie: z.string().max(ORGANISATIE_ID_MAX).regex(ORGANISATIE_ID_PATROON, 'organisation id of the registry'),
  type: z.enum(ORGANISATIE_TYPES),
});

/**
 * The recipient a request names: the organisation id of the registry. `type` may be left out and
 * is never used (the registry decides); a type that disagrees with the registry is refused (400).
 */
export const ontvangerVerzoekSchema = partijSchema.extend({
  type: z.enum(ORGANISATIE_TYPES).optional().describe("Optional; refused when it is not the registry's type of the organisation"),
});

/** The sender's data about the deelnemer: category → field → value. Only released fields ever reach the receiver. */
export const bronGegevensSchema = z
  .record(
    code,
    z
      .record(code, z.union([z.string().max(2000), z.number(), z.boolean()]))
      .refine((velden) => Object.keys(velden).length <= 100, 'at most 100 fields per category'),
  )
  .refine((categorieen) => Object.keys(categorieen).length <= 20, 'at most 20 categories');

/** Why `trajectId` is required: the answer a client gets when it is missing. */
export const TRAJECT_VEREIST =
  'trajectId is required: a warm handover is a child of the traject workflow, which starts it and learns the new lead organisation at the end.';

/**
 * `POST /api/v1/overdrachten`: the sending professional (token) asks the receiver to take over
 * the lead of a traject. `trajectId` is required: the traject workflow starts the handover as its
 * child; a request without one is refused (400) before anything is stored.
 */
export const overdrachtAanvraagSchema = z
  .object({
    overdrachtId: z
      .uuid()
      .optional()
      .describe(
        "Optional stable key chosen by the sender: the handover's id. A repeated request with the same id (a retry) answers with the first handover and starts nothing twice",
      ),
    deelnemerId: exchangeIdSchema,
    trajectId: z
      .string({ error: TRAJECT_VEREIST })
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
      .describe('Traject whose lead is handed over; its workflow starts the handover as a child'),
    ontvanger: ontvangerVerzoekSchema,
    reden: code,
    overTeNemen: z.array(code).min(1).max(20),
    voorgesteldEersteGesprek: isoDatum.optional(),
    regievoerder: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("Ignored unless it disagrees (then 400): the handover escalates to the traject's regievoerder, as the traject context says"),
    gegevens: bronGegevensSchema,
    instellingen: z
      .object({
        acceptatieWerkdagen: z.number().int().min(1).max(60).optional(),
        nazorgCheckinsWeken: z.array(z.number().int().min(1).max(52)).min(1).max(12).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const termijnSchema = z.object({
  soort: z.enum(['toestemming', 'acceptatie']),
  uiterlijk: isoDatum,
  herinnering: isoDatum.optional(),
  escalatie: isoDatum.optional(),
});

/** An overdracht as sender and receiver see it (no dossier content). */
export const overdrachtSchema = z.object({
  id: exchangeIdSchema,
  deelnemerId: exchangeIdSchema,
  trajectId: z.string().optional(),
  zender: partijSchema,
  ontvanger: partijSchema,
  reden: z.string(),
  overTeNemen: z.array(z.string()),
  voorgesteldEersteGesprek: isoDatum.optional(),
  status: z.enum(OVERDRACHT_STATUSSEN as unknown as [string, ...string[]]),
  aanZet: z.enum(['zender', 'ontvanger', 'beiden', 'niemand']),
  termijn: termijnSchema.optional(),
  afwijzingen: z.array(z.object({ reden: z.enum(AFWIJZING_REDENEN), advies: z.string(), op: isoDatum })),
  driegesprek: isoDatum.optional(),
  aangevraagdOp: instant,
  bijgewerktOp: instant,
});

/** Sender only, once delivered: the fields that went to the receiver and those left out, with why (names, never values). */
export const leveringSchema = z.object({
  geleverdOp: instant,
  ingetrokken: z.boolean().describe('The dossier was withdrawn from the receiver (consent withdrawn, handover ended)'),
  geleverd: z.array(z.object({ categorie: z.string(), velden: z.array(z.string()) })),
  weggelaten: z.array(
    z.object({
      categorie: z.string(),
      veld: z.string().optional().describe('Absent: the whole category'),
      reden: z
        .enum(['NIET_NODIG_VOOR_ROL', 'NIET_VRIJGEGEVEN'])
        .describe("NIET_NODIG_VOOR_ROL: the receiver's role does not need it; NIET_VRIJGEGEVEN: the consent decision did not release it"),
    }),
  ),
});

/** `GET /api/v1/overdrachten`: filters and page. */
export const overdrachtLijstQuerySchema = z
  .object({
    richting: z.enum(['inkomend', 'uitgaand']).optional(),
    status: z
      .union([z.enum(['lopend', 'afgerond']), z.enum(OVERDRACHT_STATUSSEN as unknown as [string, ...string[]])])
      .optional()
      .describe('lopend, afgerond, or one status'),
    pagina: z.coerce.number().int().min(1).max(10_000).default(1),
    limiet: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const acceptatieSchema = z
  .object({ regievoerderId: z.string().min(1).max(100).optional().describe('Receiving professional who takes the lead; default the caller') })
  .strict();
export const afwijzingSchema = z.object({ reden: z.enum(AFWIJZING_REDENEN), advies: tekst }).strict();
export const toestemmingMeldingSchema = z.object({ soort: z.enum(['gevraagd', 'vastgelegd', 'geweigerd']) }).strict();
export const driegesprekSchema = z.discriminatedUnion('soort', [
  z.object({ soort: z.literal('gepland'), datum: isoDatum }).strict(),
  z.object({ soort: z.literal('gehouden') }).strict(),
  z.object({ soort: z.literal('no-show'), wie: z.enum(['deelnemer', 'zender', 'ontvanger']) }).strict(),
]);
export const annuleringSchema = z.object({ reden: z.enum(['deelnemer-wil-niet', 'andere-partner', 'situatie-gewijzigd', 'overig']) }).strict();

/** `GET /api/v1/overdrachten/{id}/dossier`: the minimal dossier, only what the decision released. */
export const dossierSchema = z.object({
  overdrachtId: exchangeIdSchema,
  geleverdOp: instant,
  categorieen: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** `POST /api/v1/verwijzingen`: a referral without transfer of the lead. */
export const verwijzingAanvraagSchema = z
  .object({
    deelnemerId: exchangeIdSchema,
    soort: z.enum(VERWIJZING_SOORTEN),
    ontvanger: ontvangerVerzoekSchema,
    reden: code,
    detailTerugkoppeling: z.boolean().default(false).describe('Ignored: whether GGZ may report coded reasons back is decided by consent when it reports'),
  })
  .strict();

/** `POST /api/v1/verwijzingen/{id}/status`: the receiver reports a status. */
export const verwijzingStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('geaccepteerd') }).strict(),
  z.object({ status: z.literal('afgewezen'), reden: z.enum(VERWIJZING_AFWIJZING_REDENEN) }).strict(),
  z.object({ status: z.literal('gestart') }).strict(),
  z.object({ status: z.literal('beeindigd'), eindreden: z.enum(EINDREDENEN) }).strict(),
]);

/** A referral as the caller may see it: the receiver sees everything, the sender the feedback its consent allows. */
export const verwijzingSchema = z.object({
  id: exchangeIdSchema,
  deelnemerId: exchangeIdSchema,
  soort: z.enum(VERWIJZING_SOORTEN),
  zender: partijSchema,
  ontvanger: partijSchema,
  reden: z.string(),
  status: z.union([z.enum(VERWIJZING_STATUSSEN), z.enum(['in-behandeling', 'afgerond', 'niet-gestart'])]),
  eindreden: z.enum(EINDREDENEN).optional(),
  afwijzingReden: z.enum(VERWIJZING_AFWIJZING_REDENEN).optional(),
  aangemeldOp: instant,
  bijgewerktOp: instant,
});

/** `GET /api/v1/overdrachten/{id}`: the overdracht, and for the sender after delivery what went and what stayed behind. */
export const overdrachtDetailSchema = overdrachtSchema.extend({ levering: leveringSchema.optional() });

/** `GET /api/v1/overdrachten`: one page of the organisation's overdrachten. */
export const overdrachtLijstSchema = z.object({
  overdrachten: z.array(overdrachtSchema.extend({ richting: z.enum(['inkomend', 'uitgaand']), dossierLeesbaar: z.boolean() })),
  totaal: z.number().int().describe('Overdrachten that match the filter, on all pages'),
  pagina: z.number().int(),
  limiet: z.number().int(),
});

/** `GET /api/v1/inbox`: what is waiting for the caller's organisation, incoming and outgoing. */
export const inboxSchema = z.object({
  overdrachten: z.array(overdrachtSchema.extend({ richting: z.enum(['inkomend', 'uitgaand']), dossierLeesbaar: z.boolean() })),
  verwijzingen: z.array(verwijzingSchema.extend({ richting: z.enum(['inkomend', 'uitgaand']) })),
  taken: z
    .array(z.object({ overdrachtId: exchangeIdSchema, voor: z.string(), soort: z.string(), vervalt: isoDatum.optional() }))
    .describe('Tasks of the organisation: obtain consent, answer before the deadline, escalations, driegesprek, check-ins'),
});

/** `POST /api/v1/abonnementen`: an organisation subscribes a webhook to the events that concern it. */
export const abonnementAanvraagSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    types: z.array(z.enum(EXCHANGE_EVENT_TYPES)).min(1).max(EXCHANGE_EVENT_TYPES.length).optional().describe('Default: every type'),
  })
  .strict();
/** A subscription as its organisation lists it (`GET /api/v1/abonnementen`): never with its secret. */
export const abonnementSchema = z.object({ id: exchangeIdSchema, organisatie: z.string(), url: z.string(), types: z.array(z.string()).optional() });
/**
 * The answer to `POST /api/v1/abonnementen`: the subscription with its signing secret
 * (`whsec_…`, Standard Webhooks), shown this once. Verify every delivery's `webhook-signature`
 * with it; subscribing the same URL again issues a new secret.
 */
export const nieuwAbonnementSchema = abonnementSchema.extend({ geheim: z.string().describe('Signing secret (Standard Webhooks), shown only in this answer') });

export type OverdrachtAanvraagDto = z.infer<typeof overdrachtAanvraagSchema>;
export type OverdrachtDto = z.infer<typeof overdrachtSchema>;
export type AcceptatieDto = z.infer<typeof acceptatieSchema>;
export type AfwijzingDto = z.infer<typeof afwijzingSchema>;
export type ToestemmingMeldingDto = z.infer<typeof toestemmingMeldingSchema>;
export type DriegesprekDto = z.infer<typeof driegesprekSchema>;
export type AnnuleringDto = z.infer<typeof annuleringSchema>;
export type DossierDto = z.infer<typeof dossierSchema>;
export type VerwijzingAanvraagDto = z.infer<typeof verwijzingAanvraagSchema>;
export type VerwijzingStatusDto = z.infer<typeof verwijzingStatusSchema>;
export type VerwijzingDto = z.infer<typeof verwijzingSchema>;
export type InboxDto = z.infer<typeof inboxSchema>;
export type OverdrachtDetailDto = z.infer<typeof overdrachtDetailSchema>;
export type OverdrachtLijstDto = z.infer<typeof overdrachtLijstSchema>;
export type OverdrachtLijstQueryDto = z.infer<typeof overdrachtLijstQuerySchema>;
export type AbonnementAanvraagDto = z.infer<typeof abonnementAanvraagSchema>;
export type AbonnementDto = z.infer<typeof abonnementSchema>;
export type NieuwAbonnementDto = z.infer<typeof nieuwAbonnementSchema>;
