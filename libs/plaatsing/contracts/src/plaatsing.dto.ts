import { ONDERSTEUNING, PLAATSING_FASEN, TERMIJN_SOORTEN, TERUGLEIDING_REDENEN, UITVAL_REDENEN } from '@ketenregie/plaatsing-domain';
import type { PlaatsingOpdracht } from '@ketenregie/plaatsing-domain';
import { ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON, ORGANISATIE_TYPES } from '@ketenregie/shared-kernel';
import { z } from 'zod';

/** Resource paths of plaatsing-service (the gateway routes them). */
export const WERKGEVERS_PATH = '/api/v1/werkgevers';
export const VACATURES_PATH = '/api/v1/vacatures';
export const PLAATSINGEN_PATH = '/api/v1/plaatsingen';
export const WERKGEVERSOVERZICHT_PATH = '/api/v1/werkgeversoverzicht';
/** The caller's tasks from their placements (traject-service merges them into `GET /api/v1/taken`). */
export const PLAATSING_TAKEN_PATH = '/api/v1/plaatsingen/taken';

/** Purpose (processing register) under which a proposal discloses a deelnemer to an employer. */
export const PLAATSING_DOEL = 'plaatsing-werkgever';

const datum = z.iso.date();
const organisatieId = z.string().max(ORGANISATIE_ID_MAX).regex(ORGANISATIE_ID_PATROON, 'organisation id of the registry');
const tekst = (max: number) => z.string().trim().min(1).max(max);

/** A person at the employer (contact person or deputy). */
export const contactpersoonSchema = z.strictObject({
  naam: tekst(120),
  telefoon: z.string().regex(/^[0-9+() -]{6,20}$/, 'phone number'),
  email: z.email().max(200).optional(),
});

/** `PUT /api/v1/werkgevers/{id}`: the employer's contact person and named deputy. */
export const werkgeverInvoerSchema = z.strictObject({
  contactpersoon: contactpersoonSchema,
  plaatsvervanger: contactpersoonSchema.optional().describe('Named deputy: takes over when the contact person leaves'),
});

/** An employer profile as answered. */
export const werkgeverSchema = werkgeverInvoerSchema.extend({ organisatieId: z.string() });

/** `POST /api/v1/vacatures`: a vacancy of the caller's own organisation (a werkgever). */
export const vacatureInvoerSchema = z.strictObject({
  titel: tekst(120),
  urenPerWeek: z.number().int().min(1).max(40),
  taken: z.array(tekst(200)).min(1).max(30),
  competenties: z.array(tekst(200)).max(30).default([]),
  ondersteuning: z.array(z.enum(ONDERSTEUNING)).max(ONDERSTEUNING.length).default([]),
});

/** A vacancy as answered (no personal data). */
export const vacatureSchema = z.object({
  id: z.uuid(),
  werkgeverId: z.string(),
  titel: z.string(),
  urenPerWeek: z.number().int(),
  taken: z.array(z.string()),
  competenties: z.array(z.string()),
  ondersteuning: z.array(z.object({ code: z.enum(ONDERSTEUNING), uitleg: z.string() })),
  status: z.enum(['open', 'gesloten']),
});

/** What the coach puts forward; only what the consent decision releases to the employer is kept. */
export const kandidaatprofielSchema = z.strictObject({
  roepnaam: tekst(60),
  telefoon: z
    .string()
    .regex(/^[0-9+() -]{6,20}$/)
    .optional(),
  werkervaring: z.array(tekst(200)).max(20).default([]),
  beperkingen: z
    .strictObject({
      belastbaarheidUren: z.number().int().min(1).max(40).optional(),
      aanpassingenWerkplek: z.array(tekst(200)).max(10).optional(),
    })
    .optional(),
});

/** `POST /api/v1/vacatures/{id}/voordrachten`: a coach proposes a deelnemer of a traject they work for this vacancy. */
export const voordrachtSchema = z.strictObject({
  trajectId: z.uuid(),
  jobcoach: z.strictObject({ organisatieId, professional: tekst(200) }).describe('Who coaches the placement'),
  kennismaking: datum.optional().describe('Date of the kennismaking; default today'),
  profiel: kandidaatprofielSchema,
});

const opt = { datum: datum.optional() };

/** `POST /api/v1/plaatsingen/{id}/opdrachten`: one command on the placement; `datum` defaults to today. */
export const plaatsingOpdrachtSchema = z.discriminatedUnion('soort', [
  z.strictObject({ soort: z.literal('kennismaking'), ...opt, uitkomst: z.enum(['proefplaatsing', 'geen-match']), startProefplaatsing: datum.optional() }),
  z.strictObject({
    soort: z.literal('evaluatie'),
    ...opt,
    uitkomst: z.enum(['positief', 'verlengen', 'negatief']),
    door: z.enum(['werkgever', 'jobcoach', 'coach']),
  }),
  z.strictObject({ soort: z.literal('loonwaardemeting'), ...opt, loonwaarde: z.number().int().min(1).max(100) }),
  z.strictObject({
    soort: z.literal('subsidiebesluit'),
    ...opt,
    percentage: z.number().int().min(1).max(100),
    ingang: datum,
    maanden: z.number().int().min(1).max(60),
    herbeoordelingMaanden: z.number().int().min(1).max(24).optional(),
  }),
  z.strictObject({
    soort: z.literal('herbeoordeling'),
    ...opt,
    percentage: z.number().int().min(0).max(100),
    maanden: z.number().int().min(1).max(60).optional(),
  }),
  z.strictObject({ soort: z.literal('contract'), ...opt, urenPerWeek: z.number().int().min(1).max(40), start: datum, einde: datum.optional() }),
  z.strictObject({ soort: z.literal('contract-verlengd'), ...opt, einde: datum.optional() }),
  z.strictObject({ soort: z.literal('contract-niet-verlengd'), ...opt }),
  z.strictObject({ soort: z.literal('checkin'), ...opt, signaal: z.enum(['goed', 'zorg']) }),
  z.strictObject({ soort: z.literal('uitval'), ...opt, reden: z.enum(UITVAL_REDENEN) }),
  z.strictObject({ soort: z.literal('contactpersoon-vertrokken'), ...opt, nieuwePlaatsvervanger: contactpersoonSchema.optional() }),
  z.strictObject({ soort: z.literal('plaatsvervanger'), ...opt, plaatsvervanger: contactpersoonSchema }),
]);

/** A command as the API and the workflow update take it (date optional). */
export type PlaatsingOpdrachtInvoer = z.infer<typeof plaatsingOpdrachtSchema>;

/** The command with its date filled in (the workflow's Dutch today). */
export function metDatum(invoer: PlaatsingOpdrachtInvoer, vandaag: string): PlaatsingOpdracht {
  return { ...invoer, datum: invoer.datum ?? vandaag } as PlaatsingOpdracht;
}

const partijSchema = z.object({ organisatieId: z.string(), type: z.enum(ORGANISATIE_TYPES), professional: z.string() });
const termijnSchema = z.object({ soort: z.enum(TERMIJN_SOORTEN), datum, wie: z.array(z.enum(['werkgever', 'jobcoach', 'gemeente', 'coach'])) });

/** The deelnemer as the employer sees them: a field of a category the consent decision did not release is absent. */
export const werkgeversweergaveSchema = z.object({
  roepnaam: z.string().optional(),
  telefoon: z.string().optional(),
  werkervaring: z.array(z.string()).optional(),
  beperkingen: z.object({ belastbaarheidUren: z.number().optional(), aanpassingenWerkplek: z.array(z.string()).optional() }).optional(),
});

/** A placement as the partnership's professionals see it (coach, jobcoach, gemeente). */
export const plaatsingSchema = z.object({
  plaatsingId: z.uuid(),
  vacatureId: z.uuid(),
  deelnemerId: z.uuid(),
  trajectId: z.uuid(),
  werkgever: werkgeverSchema,
  coach: partijSchema,
  regievoerder: partijSchema,
  jobcoach: partijSchema,
  fase: z.enum(PLAATSING_FASEN),
  gestart: datum,
  proefplaatsing: z.object({ start: datum, einde: datum, evaluatieUiterlijk: datum, uitkeringBehouden: z.literal(true), verlengd: z.boolean() }).optional(),
  loonwaarde: z.number().optional(),
  subsidie: z.object({ percentage: z.number(), ingang: datum, einde: datum, volgendeHerbeoordeling: datum }).optional(),
  contract: z.object({ urenPerWeek: z.number(), start: datum, einde: datum.optional() }).optional(),
  laatsteCheckin: datum.optional(),
  termijnen: z.array(termijnSchema),
  terugleiding: z.object({ reden: z.enum(TERUGLEIDING_REDENEN), datum, naar: z.string() }).optional(),
  versie: z.number().int(),
  kandidaat: werkgeversweergaveSchema.describe('What was released to the employer'),
});

/** A placement as its employer sees it: no deelnemer id, no traject, no coded return reasons beyond the phase. */
export const werkgeverPlaatsingSchema = z.object({
  plaatsingId: z.uuid(),
  vacature: z.object({ id: z.uuid(), titel: z.string() }),
  kandidaat: werkgeversweergaveSchema,
  fase: z.enum(PLAATSING_FASEN),
  afspraken: z.object({
    proefplaatsing: z.object({ start: datum, einde: datum, evaluatieUiterlijk: datum, uitkeringBehouden: z.literal(true), verlengd: z.boolean() }).optional(),
    loonkostensubsidie: z.object({ percentage: z.number(), einde: datum, volgendeHerbeoordeling: datum }).optional(),
    contract: z.object({ urenPerWeek: z.number(), start: datum, einde: datum.optional() }).optional(),
  }),
  termijnen: z.array(termijnSchema),
  contactpersoon: contactpersoonSchema,
  plaatsvervanger: contactpersoonSchema.optional(),
  jobcoach: z.object({ organisatieId: z.string() }),
});

/** `GET /api/v1/plaatsingen/taken`: the caller's tasks and planned deadlines from the placements they are jobcoach, coach or regievoerder of. */
export const plaatsingTakenSchema = z.object({
  taken: z.array(
    z.object({
      plaatsingId: z.uuid(),
      trajectId: z.string(),
      taakId: z.string(),
      soort: z.enum([...TERMIJN_SOORTEN, 'plaatsvervanger-aanwijzen', 'terugleiding-geweigerd']),
      voor: z.enum(['werkgever', 'jobcoach', 'gemeente', 'coach']),
      toegewezenAan: z.string(),
      vervalt: datum,
      status: z.enum(['open', 'verlopen', 'gepland']),
    }),
  ),
});

/** `GET /api/v1/werkgeversoverzicht`: the employer's placements, next agreements and deadlines, whom to call, the support available. */
export const werkgeversoverzichtSchema = z.object({
  werkgever: z.string(),
  plaatsingen: z.array(werkgeverPlaatsingSchema),
  volgendeTermijnen: z.array(termijnSchema.extend({ plaatsingId: z.uuid() })),
  bellen: z.object({ werkgeversservicepunt: z.object({ naam: z.string(), telefoon: z.string(), email: z.string() }), uitleg: z.string() }),
  ondersteuning: z.array(z.object({ code: z.enum(ONDERSTEUNING), uitleg: z.string() })),
});

export type WerkgeverInvoerDto = z.infer<typeof werkgeverInvoerSchema>;
export type WerkgeverDto = z.infer<typeof werkgeverSchema>;
export type VacatureInvoerDto = z.infer<typeof vacatureInvoerSchema>;
export type VacatureDto = z.infer<typeof vacatureSchema>;
export type VoordrachtDto = z.infer<typeof voordrachtSchema>;
export type PlaatsingDto = z.infer<typeof plaatsingSchema>;
export type WerkgeverPlaatsingDto = z.infer<typeof werkgeverPlaatsingSchema>;
export type WerkgeversoverzichtDto = z.infer<typeof werkgeversoverzichtSchema>;
export type PlaatsingTakenDto = z.infer<typeof plaatsingTakenSchema>;
