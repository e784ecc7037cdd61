import { FASEN } from '@ketenregie/traject-domain';
import { z } from 'zod';

/**
 * Programme input is checked in two steps: this schema bounds the shape (unknown fields are
 * refused, strings and lists are bounded), then the domain's `valideerProgramma` explains in
 * Dutch what does not add up (a phase without a duration, an evaluation after the end, an
 * unknown instrument). Numbers are therefore only bounded here, not checked for being whole.
 */
const SOORTEN: Readonly<Record<string, string>> = {
  number: 'een getal',
  string: 'tekst',
  boolean: 'ja of nee (true/false)',
  array: 'een lijst',
  object: 'een object',
  tuple: 'een paar [van, tot]',
};

/** The schema's messages in Dutch, for the klantmanager who sets up a programme. */
const nl = (iss: z.core.$ZodRawIssue): string | undefined => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'dit veld is verplicht' : `verwacht ${SOORTEN[iss.expected] ?? iss.expected}`;
    case 'too_big':
      return `hooguit ${String(iss.maximum)}${iss.origin === 'string' ? ' tekens' : iss.origin === 'array' ? ' onderdelen' : ''}`;
    case 'too_small':
      return `minstens ${String(iss.minimum)}${iss.origin === 'string' ? ' teken(s)' : iss.origin === 'array' ? ' onderdeel' : ''}`;
    case 'unrecognized_keys':
      return `onbekend veld: ${iss.keys.join(', ')}`;
    case 'invalid_value':
      return `kies uit ${iss.values.map(String).join(', ')}`;
    case 'invalid_key':
      return 'onbekende sleutel';
    case 'invalid_format':
      return iss.format === 'date' ? 'geef een datum als JJJJ-MM-DD' : 'gebruik kleine letters, cijfers en streepjes, bijvoorbeeld buurt-mv';
    default:
      return undefined;
  }
};
const E = { error: nl };
const getal = z.number(E).min(0).max(1000);
const code = z
  .string(E)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const kort = z.string(E).max(60);
const tekst = (max: number) => z.string(E).trim().min(1).max(max);
const ja = z.boolean(E);
const datum = z.iso.date(E);
const lijst = <T extends z.ZodType>(t: T, max: number) => z.array(t, E).max(max);
const object = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape, E);
const faseDuren = z.partialRecord(z.enum(FASEN, E), getal, E);

/** A version of a programme as a klantmanager submits it (`versie` and, for a new version, `code` come from the path). */
export const programmaVersieInvoerSchema = object({
  naam: tekst(120),
  omschrijving: tekst(2000).optional(),
  bron: tekst(1000).optional(),
  /** First start date the version applies to; defaults to today. Earlier trajecten keep their version. */
  geldigVanaf: datum.optional(),
  doelgroep: object({
    minLeeftijd: getal.optional(),
    maxLeeftijd: getal.optional(),
    ladderTreden: z.tuple([getal, getal], E).optional(),
    minJarenBijstand: getal.optional(),
    loonwaarde: z.tuple([getal, getal], E).optional(),
    geenAnderTraject: ja.optional(),
    uitsluitingen: lijst(kort, 20).optional(),
  }).default({}),
  fasen: lijst(kort, FASEN.length).min(1),
  faseTermijnWerkdagen: faseDuren.optional(),
  faseTermijnMaanden: faseDuren.optional(),
  casuistiekoverleg: object({
    elkeWeken: getal.optional(),
    elkeMaanden: getal.optional(),
    partners: lijst(kort, 20),
    vanafFase: z.enum(FASEN, E).optional(),
  }).optional(),
  groep: object({ cohortGrootte: getal, startdatum: datum }).optional(),
  maxTrajecten: z.number(E).min(0).max(1_000_000).optional(),
  outreach: object({
    eersteContactBinnenWerkdagen: getal,
    maxBelpogingen: getal,
    belpogingIntervalWerkdagen: getal,
    huisbezoekBinnenWerkdagen: getal,
    herbenaderingNaWeigeringMaanden: getal,
    maxHerbenaderingen: getal,
  }).optional(),
  kennismaking: object({ maxGesprekken: getal }).optional(),
  contact: object({ maxIntervalWerkdagen: getal, sessieMinuten: getal }),
  evaluatie: object({ intervalMaanden: getal, t1NaMaanden: getal, aankondigingWerkdagen: getal }),
  duur: object({ typischMaanden: getal, maxMaanden: getal, verlenging: object({ maanden: getal, maxAantal: getal }) }),
  nazorg: object({ duurMaanden: getal, checkInsNaMaanden: lijst(getal, 24), checkInBinnenWerkdagen: getal })
    .nullable()
    .optional(),
  plan: object({ maxGasDoelen: getal }).optional(),
  noShow: object({ opvolgingBinnenWerkdagen: getal }).optional(),
  overdrachtBinnenWerkdagen: getal.optional(),
  escalatieNaWerkdagen: getal.optional(),
  einddatumAankondigingWerkdagen: getal.optional(),
  instrumenten: object({
    ladderVersie: kort,
    ladderSubtreden: ja,
    zrmVersie: kort,
    gasVersie: kort.default('gas-5'),
    verplichtBijMeting: lijst(kort, 5),
    ladderHerbeoordelingMaanden: getal.optional(),
    hulpmiddelen: lijst(kort, 10).optional(),
  }),
  kalender: object({ goedeVrijdag: ja.optional(), bevrijdingsdag: z.enum(['jaarlijks', 'lustrum', 'nooit'], E).optional() }).optional(),
});

/** Body of `POST /api/v1/programmas/{code}/versies`. */
export type ProgrammaVersieInvoer = z.infer<typeof programmaVersieInvoerSchema>;

/** Body of `POST /api/v1/programmas`: a new programme with its first version. */
export const programmaAanmakenSchema = programmaVersieInvoerSchema.extend({ code });

/** Body of `POST /api/v1/programmas`. */
export type ProgrammaAanmaken = z.infer<typeof programmaAanmakenSchema>;

/** A programme code in a path. */
export const programmaCodeSchema = code;
