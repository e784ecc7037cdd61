import { FASEN, UITVAL_REDENEN } from '@ketenregie/traject-domain';
import { z } from 'zod';

/**
 * Response bodies of traject-service as its OpenAPI document declares them (the portal's typed
 * client is generated from that document). They describe what the application layer returns;
 * the controllers declare their return type as {@link Weergave} of these schemas, so the compiler
 * refuses an answer that drifts from its documented shape. Fields a client does not need to know
 * in detail (a programme definition's rules) are open objects.
 */

/**
 * The readonly form of a schema's output: what a controller may return for it. The open part of
 * an open object (its string index) is left out, so an interface with more fields fits.
 */
export type Weergave<S extends z.ZodType> = DiepAlleenLezen<z.output<S>>;
type DiepAlleenLezen<T> = T extends readonly (infer U)[]
  ? readonly DiepAlleenLezen<U>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: DiepAlleenLezen<T[K]> }
    : T;

const datum = z.string().describe('YYYY-MM-DD');
const programmaVerwijzing = z.object({ code: z.string(), versie: z.number().int() });
const organisatieBetrokkenheid = z.enum(['aanmelder', 'regievoerder', 'coach-organisatie', 'ontvanger']);
const verantwoordelijke = z.enum(['coach', 'regievoerder']);
const deelnemerNaam = z.object({ id: z.string(), naam: z.string() });

/** `POST /deelnemers`: the new deelnemer's id; also `GET /deelnemers/{id}/bestaan`. */
export const aangemaaktSchema = z.object({ id: z.string() });

/** What identifies a programme version to a reader. */
const programmaKop = { code: z.string(), versie: z.number().int(), naam: z.string(), omschrijving: z.string().optional() };

/** A programme's definition: the fields clients read are listed, the rules stay open. */
export const programmaDefinitieSchema = z.looseObject({
  ...programmaKop,
  geldigVanaf: datum,
  fasen: z.array(z.enum(FASEN)),
  instrumenten: z.looseObject({
    ladderVersie: z.string(),
    ladderSubtreden: z.boolean(),
    zrmVersie: z.string(),
    gasVersie: z.string(),
    verplichtBijMeting: z.array(z.string()),
  }),
});

/** One entry of `GET /programmas`: a programme with its latest definition. */
export const programmaSamenvattingSchema = z.object({
  ...programmaKop,
  definitie: programmaDefinitieSchema,
});
export const programmaLijstSchema = z.array(programmaSamenvattingSchema);

/** `GET /programmas/{code}/versies/{versie}` and what publishing a version answers. */
export const programmaVersieWeergaveSchema = z.object({
  code: z.string(),
  versie: z.number().int(),
  naam: z.string(),
  geldigVanaf: datum,
  gepubliceerdDoor: z.string(),
  gepubliceerdOp: z.string().describe('ISO 8601 instant'),
  definitie: programmaDefinitieSchema,
  zrmDomeinen: z.array(z.string()).describe("The domains of the version's ZRM, in the matrix's order"),
});

/** `GET /programmas/{code}`: every version, oldest first, and the one a traject starting today follows. */
export const programmaWeergaveSchema = z.object({
  code: z.string(),
  naam: z.string(),
  omschrijving: z.string().optional(),
  actueleVersie: z.number().int().optional(),
  versies: z.array(programmaVersieWeergaveSchema),
});

/** `GET /programmas/{code}/versies`. */
export const programmaVersiesSchema = z.object({ versies: z.array(programmaVersieWeergaveSchema) });

/** `GET /deelnemers/{id}`: personal data and the trajecten over time. */
export const deelnemerWeergaveSchema = z.object({
  id: z.string(),
  bsnGemaskeerd: z.string(),
  bsn: z.string().optional().describe('Only for a klantmanager'),
  voornamen: z.string(),
  achternaam: z.string(),
  geboortedatum: datum,
  contact: z.looseObject({}),
  huishoudenId: z.string().optional(),
  trajecten: z.array(
    z.object({
      id: z.string(),
      programma: programmaVerwijzing,
      startdatum: datum.optional(),
      fase: z.enum(FASEN).optional(),
      status: z.string().optional(),
    }),
  ),
});

const regieSchema = z.object({ regievoerderId: z.string(), organisatieId: z.string() });

/** `GET /trajecten/{id}`: phase, status, deadlines, lead and progress. */
export const trajectOverzichtSchema = z.object({
  trajectId: z.string(),
  programma: programmaVerwijzing,
  fase: z.enum(FASEN),
  status: z.enum(['actief', 'gepauzeerd', 'uitgevallen', 'afgesloten']),
  startdatum: datum,
  geplandeEinddatum: datum,
  regie: regieSchema,
  coach: z.object({ coachId: z.string(), organisatieId: z.string() }).optional(),
  t0: datum.optional(),
  t1: datum.optional(),
  gepauzeerdeWerkdagen: z.number().int(),
  heropeningen: z.number().int(),
  uitval: z.object({ datum, reden: z.enum(UITVAL_REDENEN) }).optional(),
  volgendeTermijn: z.object({ id: z.string(), soort: z.string(), vervalt: datum, voor: verantwoordelijke, verlopen: z.boolean() }).optional(),
  termijnen: z
    .array(
      z.object({
        id: z.string(),
        soort: z.string(),
        voor: verantwoordelijke,
        taakVanaf: datum.optional(),
        vervalt: datum,
        taakAangemaakt: z.boolean(),
        verlopen: z.boolean(),
        geescaleerd: z.boolean(),
      }),
    )
    .optional(),
  gasDoelen: z.array(z.object({ id: z.string(), omschrijving: z.string(), niveaus: z.record(z.string(), z.string()) })).optional(),
  evaluaties: z.number().int(),
  laatsteEvaluatie: datum.optional(),
  voortgang: z.looseObject({}).describe('Movement on the ladder, ZRM and GAS since T0'),
  versie: z.number().int(),
});
/** `GET /deelnemers/{id}/trajecten`. */
export const trajectOverzichtenSchema = z.array(trajectOverzichtSchema);

/** `POST /trajecten`: the new traject and its first overview. */
export const trajectGestartSchema = z.object({ id: z.string(), overzicht: trajectOverzichtSchema });

/** `GET /trajecten/{id}/betrokkenheid`: the deelnemer and how the caller's organisation is involved. */
export const trajectBetrokkenheidSchema = z.object({
  trajectId: z.string(),
  deelnemerId: z.string(),
  organisatie: z.string(),
  betrokkenheid: z.array(organisatieBetrokkenheid),
  regie: regieSchema.optional(),
});

/** `GET /deelnemers/{id}/betrokkenheid`. */
export const deelnemerBetrokkenheidSchema = z.object({
  deelnemerId: z.string(),
  organisatie: z.string(),
  betrokkenheid: z.array(organisatieBetrokkenheid),
});

/** The next deadline for people. */
export const volgendeTermijnTekstSchema = z.object({
  soort: z.string(),
  titel: z.string().describe('Opnieuw contact proberen'),
  vervalt: datum,
  uiterlijk: z.string().describe('14 december 2026'),
  voor: z.string(),
  verlopen: z.boolean(),
});

/** `GET /trajecten`: one page. */
export const trajectenPaginaSchema = z.object({
  trajecten: z.array(
    z.object({
      trajectId: z.string(),
      deelnemer: deelnemerNaam.optional(),
      programma: z.object({ code: z.string(), versie: z.number().int(), naam: z.string() }),
      betrokkenheid: z.array(organisatieBetrokkenheid),
      fase: z.string().optional(),
      faseTekst: z.string().optional(),
      status: z.string().optional(),
      startdatum: datum.optional(),
      verlopen: z.boolean().optional(),
      volgendeTermijn: volgendeTermijnTekstSchema.optional(),
    }),
  ),
  totaal: z.number().int(),
  pagina: z.number().int(),
  perPagina: z.number().int(),
  paginas: z.number().int(),
});

/** `GET /trajecten/{id}/verloop`: the timeline for people, newest first. */
export const trajectVerloopSchema = z.object({
  trajectId: z.string(),
  programma: z.string(),
  fase: z.string(),
  volgendeTermijn: volgendeTermijnTekstSchema.optional(),
  gebeurtenissen: z.array(
    z.object({
      volgnummer: z.number().int(),
      datum,
      datumTekst: z.string().describe('7 december 2026'),
      vastgelegdOp: z.string().optional().describe('7 december 2026, 14:05'),
      titel: z.string(),
      details: z.array(z.string()),
      door: z.string(),
      fase: z.string(),
    }),
  ),
});

/** `GET /trajecten/{id}/tijdlijn`: the timeline as data, oldest first. */
export const tijdlijnSchema = z.object({
  gebeurtenissen: z.array(
    z.object({
      nr: z.number().int(),
      datum,
      soort: z.string(),
      fase: z.enum(FASEN),
      gegevens: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** `GET /taken`. */
export const takenSchema = z.object({
  taken: z.array(
    z.object({
      trajectId: z.string(),
      termijnId: z.string().describe("the deadline's key; for a placement's task the placement's task key"),
      soort: z.string(),
      voor: z.enum(['coach', 'regievoerder', 'jobcoach']),
      plaatsingId: z.string().optional().describe('set on a task of a placement (werkgever lane)'),
      toegewezenAan: z.string(),
      vervalt: datum,
      status: z.enum(['open', 'verlopen', 'afgerond', 'gepland']).describe('gepland: the deadline runs, its task appears on taakVanaf'),
      taakVanaf: datum.optional(),
      geescaleerdNaar: z.string().optional(),
    }),
  ),
});

/** `GET /signalen`: the regievoerder's signals, newest first. */
export const signalenSchema = z.object({
  signalen: z.array(
    z.object({
      trajectId: z.string(),
      soort: z.enum(['uitval', 'toestemming-geweigerd', 'toestemming-ingetrokken', 'escalatie', 'regiewissel']),
      soortTekst: z.string(),
      titel: z.string(),
      details: z.array(z.string()),
      datum,
      datumTekst: z.string(),
      vastgelegdOp: z.string(),
      programma: z.string(),
      deelnemer: deelnemerNaam.optional(),
    }),
  ),
});
