import { FASEN } from '@ketenregie/traject-domain';
import { z } from 'zod';
import { isoDatumSchema } from './traject.dto';

/**
 * Programme input is checked in two steps: this schema bounds the shape (unknown fields are
 * refused, strings and lists are bounded), then the domain's `valideerProgramma` explains in
 * Dutch what does not add up (a phase without a duration, an evaluation after the end, an
 * unknown instrument). Numbers are therefore only bounded here, not checked for being whole.
 */
const getal = z.number().min(0).max(1000);
const code = z.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kleine letters, cijfers en streepjes, bijvoorbeeld buurt-mv');
const kort = z.string().max(60);
const faseDuren = z.partialRecord(z.enum(FASEN), getal);

/** The parts of a programme definition the partnership defaults fill in when left out. */
export const PROGRAMMA_STANDAARDEN = {
  outreach: {
    eersteContactBinnenWerkdagen: 5,
    maxBelpogingen: 4,
    belpogingIntervalWerkdagen: 2,
    huisbezoekBinnenWerkdagen: 10,
    herbenaderingNaWeigeringMaanden: 1,
    maxHerbenaderingen: 2,
  },
  kennismaking: { maxGesprekken: 5 },
  plan: { maxGasDoelen: 5 },
  noShow: { opvolgingBinnenWerkdagen: 2 },
  overdrachtBinnenWerkdagen: 10,
  escalatieNaWerkdagen: 5,
  einddatumAankondigingWerkdagen: 20,
  kalender: {},
  nazorg: null,
  faseTermijnWerkdagen: {},
} as const;

/** A version of a programme as a klantmanager submits it (`versie` and, for a new version, `code` come from the path). */
export const programmaVersieInvoerSchema = z.strictObject({
  naam: z.string().trim().min(1).max(120),
  omschrijving: z.string().trim().min(1).max(2000).optional(),
  bron: z.string().trim().min(1).max(1000).optional(),
  /** First start date the version applies to; defaults to today. Earlier trajecten keep their version. */
  geldigVanaf: isoDatumSchema.optional(),
  doelgroep: z
    .strictObject({
      minLeeftijd: getal.optional(),
      maxLeeftijd: getal.optional(),
      ladderTreden: z.tuple([getal, getal]).optional(),
      minJarenBijstand: getal.optional(),
      loonwaarde: z.tuple([getal, getal]).optional(),
      geenAnderTraject: z.boolean().optional(),
      uitsluitingen: z.array(kort).max(20).optional(),
    })
    .default({}),
  fasen: z.array(kort).min(1).max(FASEN.length),
  faseTermijnWerkdagen: faseDuren.optional(),
  faseTermijnMaanden: faseDuren.optional(),
  casuistiekoverleg: z
    .strictObject({ elkeWeken: getal.optional(), elkeMaanden: getal.optional(), partners: z.array(kort).max(20), vanafFase: z.enum(FASEN).optional() })
    .optional(),
  groep: z.strictObject({ cohortGrootte: getal, startdatum: isoDatumSchema }).optional(),
  maxTrajecten: z.number().min(0).max(1_000_000).optional(),
  outreach: z
    .strictObject({
      eersteContactBinnenWerkdagen: getal,
      maxBelpogingen: getal,
      belpogingIntervalWerkdagen: getal,
      huisbezoekBinnenWerkdagen: getal,
      herbenaderingNaWeigeringMaanden: getal,
      maxHerbenaderingen: getal,
    })
    .optional(),
  kennismaking: z.strictObject({ maxGesprekken: getal }).optional(),
  contact: z.strictObject({ maxIntervalWerkdagen: getal, sessieMinuten: getal }),
  evaluatie: z.strictObject({ intervalMaanden: getal, t1NaMaanden: getal, aankondigingWerkdagen: getal }),
  duur: z.strictObject({ typischMaanden: getal, maxMaanden: getal, verlenging: z.strictObject({ maanden: getal, maxAantal: getal }) }),
  nazorg: z.strictObject({ duurMaanden: getal, checkInsNaMaanden: z.array(getal).max(24), checkInBinnenWerkdagen: getal }).nullable().optional(),
  plan: z.strictObject({ maxGasDoelen: getal }).optional(),
  noShow: z.strictObject({ opvolgingBinnenWerkdagen: getal }).optional(),
  overdrachtBinnenWerkdagen: getal.optional(),
  escalatieNaWerkdagen: getal.optional(),
  einddatumAankondigingWerkdagen: getal.optional(),
  instrumenten: z.strictObject({
    ladderVersie: kort,
    ladderSubtreden: z.boolean(),
    zrmVersie: kort,
    gasVersie: kort.default('gas-5'),
    verplichtBijMeting: z.array(kort).max(5),
    ladderHerbeoordelingMaanden: getal.optional(),
    hulpmiddelen: z.array(kort).max(10).optional(),
  }),
  kalender: z.strictObject({ goedeVrijdag: z.boolean().optional(), bevrijdingsdag: z.enum(['jaarlijks', 'lustrum', 'nooit']).optional() }).optional(),
});

/** Body of `POST /api/v1/programmas/{code}/versies`. */
export type ProgrammaVersieInvoer = z.infer<typeof programmaVersieInvoerSchema>;

/** Body of `POST /api/v1/programmas`: a new programme with its first version. */
export const programmaAanmakenSchema = programmaVersieInvoerSchema.extend({ code });

/** Body of `POST /api/v1/programmas`. */
export type ProgrammaAanmaken = z.infer<typeof programmaAanmakenSchema>;

/** A programme code in a path. */
export const programmaCodeSchema = code;
