import { type ProgrammaDefinitie, valideerProgramma } from './programma';
import catalogusBestand from './programma.catalogus.data.json';

/** Partnership defaults for what a programme's source or a klantmanager leaves open (outreach, no-shows, handovers, escalation, ...). */
export const PROGRAMMA_STANDAARDEN = {
  outreach: {
    eersteContactBinnenWerkdagen: 5,
    maxBelpogingen: 4,
    belpogingIntervalWerkdagen: 2,
    huisbezoekBinnenWerkdagen: 10,
    herbenaderingNaWeigeringMaanden: 1,
    maxHerbenaderingen: 2,
  },
  noShow: { opvolgingBinnenWerkdagen: 2 },
  overdrachtBinnenWerkdagen: 10,
  escalatieNaWerkdagen: 5,
  einddatumAankondigingWerkdagen: 20,
  kalender: {},
  kennismaking: { maxGesprekken: 5 },
  plan: { maxGasDoelen: 5 },
  nazorg: null,
  faseTermijnWerkdagen: {},
} as const;

/**
 * Reads the shipped programmes once: each must pass {@link valideerProgramma} (which names the
 * programme and every offending field in Dutch) and `code@versie` is unique.
 */
function laadCatalogus(bestand: unknown, naam: string): readonly ProgrammaDefinitie[] {
  if (!Array.isArray(bestand)) throw new Error(`${naam} klopt niet: verwacht een lijst van programma's`);
  const gezien = new Set<string>();
  return Object.freeze(
    (bestand as ProgrammaDefinitie[]).map((p, i) => {
      try {
        valideerProgramma(p);
      } catch (error) {
        throw new Error(`${naam} klopt niet bij programma ${i}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const sleutel = `${p.code}@${p.versie}`;
      if (gezien.has(sleutel)) throw new Error(`${naam} klopt niet: ${sleutel} staat er twee keer in`);
      gezien.add(sleutel);
      return Object.freeze(p);
    }),
  );
}

/**
 * Every shipped programme version: the seed data of the demo region's programme catalogue, in
 * `programma.catalogus.data.json`. Each follows a described practice (`bron`); what a source
 * leaves open (outreach, no-shows, handovers, escalation) has the partnership defaults
 * ({@link PROGRAMMA_STANDAARDEN}).
 */
export const PROGRAMMA_CATALOGUS: readonly ProgrammaDefinitie[] = laadCatalogus(catalogusBestand, 'programma.catalogus.data.json');

/** The shipped programme versions by name (`code@versie`), for tests and examples; what each follows is in its `omschrijving` and `bron`. */
export const {
  'maatwerktraject-den-bosch@1': MAATWERKTRAJECT_DEN_BOSCH_V1,
  'fip@1': FIP_V1,
  'opleiden-in-de-zorg@1': OPLEIDEN_IN_DE_ZORG_V1,
  'buurt-mv@1': BUURT_MV_V1,
  'energiebox@1': ENERGIEBOX_V1,
  'app-zaanstad@1': APP_ZAANSTAD_V1,
  'aandacht-doet-bewegen@1': AANDACHT_DOET_BEWEGEN_V1,
  'aandacht-doet-bewegen@2': AANDACHT_DOET_BEWEGEN_V2,
  'top-vrouwen@1': TOP_VROUWEN_V1,
  'heemskerk-trede-1-2@1': HEEMSKERK_TREDE_1_2_V1,
  'helmond-iedereen-mag-meedoen@1': HELMOND_IEDEREEN_MAG_MEEDOEN_V1,
  'tilburg-doe-mee@1': TILBURG_DOE_MEE_V1,
}: Readonly<Record<string, ProgrammaDefinitie>> = new Proxy(Object.fromEntries(PROGRAMMA_CATALOGUS.map((p) => [`${p.code}@${p.versie}`, p])), {
  // A name above that the data file lacks fails at load, not as an undefined programme later.
  get(perNaam, naam) {
    if (typeof naam === 'string' && !(naam in perNaam)) throw new Error(`programma.catalogus.data.json klopt niet: ${naam} ontbreekt`);
    return perNaam[naam as string];
  },
});

/** The shipped programme `code` at `versie`, or its highest version when `versie` is omitted. */
export function vindProgramma(code: string, versie?: number): ProgrammaDefinitie | undefined {
  const kandidaten = PROGRAMMA_CATALOGUS.filter((p) => p.code === code && (versie === undefined || p.versie === versie));
  return kandidaten.sort((a, b) => b.versie - a.versie)[0];
}
