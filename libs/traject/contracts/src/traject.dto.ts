import { isValidBsn } from '@ketenregie/shared-kernel';
import {
  DOELGROEP_AFWIJKINGEN,
  FASEN,
  GEDRAGSMODEL_FACTOREN,
  PAUZE_REDENEN,
  POSITIEVE_GEZONDHEID_DIMENSIES,
  UITSLUITINGEN,
  UITVAL_REDENEN,
  VERVOLG_SOORTEN,
  ZRM_11_DOMEINEN,
  ZRM_2017_DOMEINEN,
} from '@ketenregie/traject-domain';
import type { TrajectOpdracht, ZrmDomein } from '@ketenregie/traject-domain';
import { z } from 'zod';

/** `YYYY-MM-DD` calendar date. */
export const isoDatumSchema = z.iso.date();

/** Opaque identifier (professionals, organisations, trajecten): never a BSN or a name. */
export const opaqueIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'opaque id: letters, digits, - and _ (max 64)');

/**
 * A professional's id: the `sub` of their token (e.g. `dev:gemeente-dommeldal:klantmanager` in
 * embedded mode), so `GET /taken` finds the tasks assigned to them. Never a name or a BSN.
 */
export const professionalIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'professional id: the token subject; letters, digits, -, _, . and : (max 128)');

export const regieSchema = z.strictObject({ regievoerderId: professionalIdSchema, organisatieId: opaqueIdSchema });
export const coachSchema = z.strictObject({ coachId: professionalIdSchema, organisatieId: opaqueIdSchema });

const scorerSchema = z.strictObject({ rol: z.enum(['coach', 'zelf']), professionalId: professionalIdSchema.optional() });
const ZRM_DOMEINEN_MAX = new Set([...ZRM_2017_DOMEINEN, ...ZRM_11_DOMEINEN]).size;
/** Instrument scores in one command. */
const METINGEN_MAX = 30;
const zrmDomeinSchema = z.enum([...new Set([...ZRM_2017_DOMEINEN, ...ZRM_11_DOMEINEN])] as [ZrmDomein, ...ZrmDomein[]]);
const zrmWaardeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const gasWaardeSchema = z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]);

/** What every score carries (the domain's `ScoreBasis`): its date, who scored, the instrument version. */
const scoreBasis = { datum: isoDatumSchema, scorer: scorerSchema, instrumentVersie: z.string().min(1).max(40) };

/** One instrument score (Participatieladder, ZRM or GAS) with scorer, date and instrument version. */
export const metingSchema = z.discriminatedUnion('instrument', [
  z.strictObject({
    instrument: z.literal('participatieladder'),
    trede: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    subtrede: z.string().max(10).optional(),
    /** Every sub-rung the client sits on at once (Heemskerk); the highest is recorded as `subtrede`. */
    subtreden: z.array(z.string().max(10)).min(1).max(9).optional(),
    ...scoreBasis,
  }),
  z.strictObject({
    instrument: z.literal('zrm'),
    relevanteDomeinen: z.array(zrmDomeinSchema).min(1).max(ZRM_DOMEINEN_MAX),
    scores: z.partialRecord(zrmDomeinSchema, zrmWaardeSchema),
    ...scoreBasis,
  }),
  z.strictObject({
    instrument: z.literal('gas'),
    doelId: z.string().min(1).max(64),
    waarde: gasWaardeSchema,
    ...scoreBasis,
  }),
  z.object({
    instrument: z.literal('gedragsmodel-tilburg'),
    scores: z.partialRecord(z.enum(GEDRAGSMODEL_FACTOREN), z.number().int().min(1).max(10)),
    ...scoreBasis,
  }),
  z.object({
    instrument: z.literal('positieve-gezondheid'),
    scores: z.partialRecord(z.enum(POSITIEVE_GEZONDHEID_DIMENSIES), z.number().int().min(0).max(10)),
    ...scoreBasis,
  }),
]);

/** Free text of a plan: bounded, so one request cannot fill the history. */
const tekst = z.string().trim().min(1).max(2000);
/** An id the client chooses within a plan (a goal's id). */
const planId = z.string().trim().min(1).max(64);

/** Plan van aanpak as submitted (GROW, SMART goals, up to 5 GAS goals, optional signature). */
export const planSchema = z.strictObject({
  grow: z.strictObject({ goal: tekst, reality: tekst, options: tekst, will: tekst, zekerheid: z.number().int().min(0).max(10).optional() }),
  doelen: z
    .array(
      z.strictObject({
        id: planId,
        omschrijving: tekst,
        smart: z.strictObject({ specifiek: tekst, meetbaar: tekst, actiegericht: tekst, realistisch: tekst, tijdgebonden: isoDatumSchema }),
      }),
    )
    .min(1)
    .max(10),
  gasDoelen: z
    .array(
      z.strictObject({
        id: planId,
        omschrijving: tekst,
        niveaus: z.strictObject({ '-2': tekst, '-1': tekst, '0': tekst, '1': tekst, '2': tekst }),
      }),
    )
    .max(5)
    .default([]),
  ondertekening: z.strictObject({ datum: isoDatumSchema, door: z.enum(['deelnemer', 'wettelijk-vertegenwoordiger']) }).optional(),
});

const datum = isoDatumSchema.optional().describe('Business date; defaults to today (Europe/Amsterdam)');

/**
 * Commands on a running traject, keyed by `soort`. `datum` is optional: the workflow fills in
 * its own current date. These are the bodies of the API's command sub-resources plus `soort`.
 */
export const OPDRACHT_SCHEMAS = {
  'coach-toewijzen': z.strictObject({ soort: z.literal('coach-toewijzen'), datum, coach: coachSchema }),
  contactpoging: z.strictObject({
    soort: z.literal('contactpoging'),
    datum,
    kanaal: z.enum(['telefoon', 'brief', 'huisbezoek', 'app']),
    uitkomst: z.enum(['geen-gehoor', 'geweigerd', 'afspraak-gemaakt', 'onjuist-adres']),
  }),
  contactmoment: z.strictObject({
    soort: z.literal('contactmoment'),
    datum,
    vorm: z.enum(['gesprek', 'huisbezoek', 'telefonisch', 'app', 'groep']),
    verschenen: z.boolean(),
    minuten: z.number().int().positive().optional(),
    interventie: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'coded intervention, e.g. schuldhulp')
      .optional(),
  }),
  'kennismaking-afronden': z.strictObject({ soort: z.literal('kennismaking-afronden'), datum, klik: z.boolean() }),
  diagnose: z.strictObject({ soort: z.literal('diagnose'), datum, metingen: z.array(metingSchema).min(1).max(METINGEN_MAX) }),
  plan: z.strictObject({ soort: z.literal('plan'), datum, plan: planSchema }),
  meting: z.strictObject({ soort: z.literal('meting'), datum, metingen: z.array(metingSchema).min(1).max(METINGEN_MAX) }),
  evaluatie: z.strictObject({
    soort: z.literal('evaluatie'),
    datum,
    besluit: z.enum(['doorgaan', 'afronden']),
    metingen: z.array(metingSchema).max(METINGEN_MAX).optional(),
  }),
  'afronding-starten': z.strictObject({ soort: z.literal('afronding-starten'), datum }),
  afronding: z.strictObject({
    soort: z.literal('afronding'),
    datum,
    vervolg: z.strictObject({ soort: z.enum(VERVOLG_SOORTEN), omschrijving: tekst }),
    overdrachtAanOrganisatieId: opaqueIdSchema.optional(),
  }),
  pauze: z.strictObject({ soort: z.literal('pauze'), datum, reden: z.enum(PAUZE_REDENEN) }),
  hervatting: z.strictObject({ soort: z.literal('hervatting'), datum }),
  uitval: z.strictObject({ soort: z.literal('uitval'), datum, reden: z.enum(UITVAL_REDENEN) }),
  terugval: z.strictObject({ soort: z.literal('terugval'), datum, naarFase: z.enum(FASEN) }),
  heropening: z.strictObject({ soort: z.literal('heropening'), datum, naarFase: z.enum(FASEN).optional() }),
  regiewissel: z.strictObject({ soort: z.literal('regiewissel'), datum, regie: regieSchema }),
  coachwissel: z.strictObject({ soort: z.literal('coachwissel'), datum, coach: coachSchema, reden: z.enum(['vertrek', 'geen-klik', 'overig']) }),
  verlenging: z.strictObject({ soort: z.literal('verlenging'), datum }),
  casuistiekoverleg: z.strictObject({
    soort: z.literal('casuistiekoverleg'),
    datum: datum.describe('The day of the meeting; defaults to today (Europe/Amsterdam)'),
    genodigd: z
      .array(opaqueIdSchema)
      .max(30)
      .describe('Filled in by traject-service from the organisations involved in the traject; a request body may not carry it'),
    aanwezig: z.array(opaqueIdSchema).max(30).describe('Ids of the involved organisations that attended (organisations only, never persons)'),
  }),
} as const;

/** Any traject command (discriminated by `soort`). */
export const trajectOpdrachtSchema = z.discriminatedUnion('soort', [
  OPDRACHT_SCHEMAS['coach-toewijzen'],
  OPDRACHT_SCHEMAS.contactpoging,
  OPDRACHT_SCHEMAS.contactmoment,
  OPDRACHT_SCHEMAS['kennismaking-afronden'],
  OPDRACHT_SCHEMAS.diagnose,
  OPDRACHT_SCHEMAS.plan,
  OPDRACHT_SCHEMAS.meting,
  OPDRACHT_SCHEMAS.evaluatie,
  OPDRACHT_SCHEMAS['afronding-starten'],
  OPDRACHT_SCHEMAS.afronding,
  OPDRACHT_SCHEMAS.pauze,
  OPDRACHT_SCHEMAS.hervatting,
  OPDRACHT_SCHEMAS.uitval,
  OPDRACHT_SCHEMAS.terugval,
  OPDRACHT_SCHEMAS.heropening,
  OPDRACHT_SCHEMAS.regiewissel,
  OPDRACHT_SCHEMAS.coachwissel,
  OPDRACHT_SCHEMAS.verlenging,
  OPDRACHT_SCHEMAS.casuistiekoverleg,
]);

/** A traject command as sent to the workflow (date optional). */
export type TrajectOpdrachtInvoer = z.infer<typeof trajectOpdrachtSchema>;

/**
 * API sub-resources (`POST /api/v1/trajecten/{id}/<sub-resource>`) and the command each one
 * issues; the body is the command without `soort`.
 */
export const OPDRACHT_SUBRESOURCES = {
  coach: 'coach-toewijzen',
  contactpogingen: 'contactpoging',
  contactmomenten: 'contactmoment',
  kennismaking: 'kennismaking-afronden',
  diagnose: 'diagnose',
  plan: 'plan',
  metingen: 'meting',
  evaluaties: 'evaluatie',
  'afronding-start': 'afronding-starten',
  afronding: 'afronding',
  pauze: 'pauze',
  hervatting: 'hervatting',
  uitval: 'uitval',
  terugval: 'terugval',
  heropening: 'heropening',
  regie: 'regiewissel',
  coachwissel: 'coachwissel',
  verlenging: 'verlenging',
  casuistiekoverleg: 'casuistiekoverleg',
} as const satisfies Record<string, keyof typeof OPDRACHT_SCHEMAS>;

/** Creating a deelnemer. The BSN must pass the elfproef; it is stored encrypted and never logged. */
export const deelnemerAanmakenSchema = z.strictObject({
  bsn: z.string().max(9, 'BSN must be 9 digits and pass the elfproef').refine(isValidBsn, { message: 'BSN must be 9 digits and pass the elfproef' }),
  voornamen: z.string().trim().min(1).max(200),
  achternaam: z.string().trim().min(1).max(200),
  geboortedatum: isoDatumSchema,
  contact: z
    .strictObject({
      telefoon: z
        .string()
        .regex(/^\+?[0-9 ()-]{6,20}$/)
        .optional(),
      email: z.email().max(254).optional(),
      adres: z
        .strictObject({
          straat: z.string().min(1).max(200),
          huisnummer: z.string().min(1).max(10),
          postcode: z.string().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/),
          woonplaats: z.string().min(1).max(100),
        })
        .optional(),
    })
    .default({}),
  huishoudenId: opaqueIdSchema.optional(),
});

/** Body of `POST /api/v1/deelnemers`. */
export type DeelnemerAanmaken = z.infer<typeof deelnemerAanmakenSchema>;

/** Starting a traject for a deelnemer on a programme (`POST /api/v1/trajecten`). */
export const trajectStartenSchema = z.strictObject({
  deelnemerId: opaqueIdSchema,
  programmaCode: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  programmaVersie: z.number().int().positive().max(1_000_000).optional(),
  regie: regieSchema,
  coach: coachSchema.optional(),
  aanmeldreden: z.string().regex(/^[a-z0-9-]{1,40}$/, 'coded referral reason'),
  datum,
  /** What the klantmanager knows for the eligibility check (age comes from the deelnemer). */
  doelgroep: z
    .strictObject({
      ladderTrede: z.number().int().min(1).max(6).optional(),
      jarenInBijstand: z.number().min(0).max(80).optional(),
      loonwaardePercentage: z.number().min(0).max(100).optional(),
      heeftAnderTraject: z.boolean().optional(),
      /** Exclusion criteria and contra-indications known of the candidate. */
      contraIndicaties: z.array(z.enum(UITSLUITINGEN)).max(UITSLUITINGEN.length).optional(),
    })
    .default({}),
  /** Coded reason to start outside the doelgroep; without it a failed check refuses the start. */
  doelgroepAfwijking: z.enum(DOELGROEP_AFWIJKINGEN).optional(),
});

/** Body of `POST /api/v1/caseload-overdrachten`: a coach leaves, their running trajecten move to another coach. */
export const caseloadOverdrachtSchema = z.strictObject({
  vanCoachId: professionalIdSchema,
  naar: coachSchema,
  datum,
});

/** Body of `POST /api/v1/caseload-overdrachten`. */
export type CaseloadOverdrachtInvoer = z.infer<typeof caseloadOverdrachtSchema>;

/** Body of `POST /api/v1/trajecten`. */
export type TrajectStarten = z.infer<typeof trajectStartenSchema>;

/** The domain command for an input, dated `vandaag` when the caller gave no date. */
export function metDatum(invoer: TrajectOpdrachtInvoer, vandaag: string): TrajectOpdracht {
  return { ...invoer, datum: invoer.datum ?? vandaag };
}

/** `true`/`false` in a query string. */
const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query of `GET /api/v1/trajecten`: filters and the page (1-based, at most 100 a page). */
export const trajectLijstQuerySchema = z.strictObject({
  programma: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
  fase: z.enum(FASEN).optional(),
  status: z.enum(['actief', 'gepauzeerd', 'uitgevallen', 'afgesloten']).optional(),
  /** Only trajecten with (`true`) or without (`false`) an overdue deadline. */
  verlopen: queryBoolean.optional(),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
  perPagina: z.coerce.number().int().min(1).max(100).default(20),
});

/** Query of `GET /api/v1/trajecten`. */
export type TrajectLijstQuery = z.infer<typeof trajectLijstQuerySchema>;
