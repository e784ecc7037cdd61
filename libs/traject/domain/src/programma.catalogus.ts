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

/** A shipped programme version; a missing one is a broken catalogue file. */
function verscheept(code: string, versie: number): ProgrammaDefinitie {
  const p = PROGRAMMA_CATALOGUS.find((x) => x.code === code && x.versie === versie);
  if (!p) throw new Error(`programma.catalogus.data.json mist ${code}@${versie}`);
  return p;
}

/** Maatwerktraject "samen voorwaarts" of Weener XL for 's-Hertogenbosch: one coach, eight phases, 9–12 months, nazorg. */
export const MAATWERKTRAJECT_DEN_BOSCH_V1 = verscheept('maatwerktraject-den-bosch', 1);
/** FIP — Frequent, Intensief, Persoonlijk (Sittard-Geleen): a long conversation every quarter for two years, no other traject beside it. */
export const FIP_V1 = verscheept('fip', 1);
/** Opleiden in de zorg (Apeldoorn, Heerde, Epe): a group of 25, one year of training, then a job guarantee watched for two years. */
export const OPLEIDEN_IN_DE_ZORG_V1 = verscheept('opleiden-in-de-zorg', 1);
/** Buurt-m/v (Barendrecht, Albrandswaard, Ridderkerk): neighbourhood work after a two-month trial, contracts of 7, 7 and 8 months. */
export const BUURT_MV_V1 = verscheept('buurt-mv', 1);
/** Energiebox (Utrecht): energy advisers of 50 and over after one interview and a one-month trial. */
export const ENERGIEBOX_V1 = verscheept('energiebox', 1);
/** APP, Actieplan Poelenburg-Peldersveld (Zaanstad): the wijkteam's signed plan in a monthly casuïstiekoverleg. */
export const APP_ZAANSTAD_V1 = verscheept('app-zaanstad', 1);
/** Aandacht doet bewegen (Maastricht-Heuvelland) as piloted in 2018, for less severe psychological complaints. */
export const AANDACHT_DOET_BEWEGEN_V1 = verscheept('aandacht-doet-bewegen', 1);
/** Aandacht doet bewegen as standing service from April 2019: the severity of the complaints no longer excludes. */
export const AANDACHT_DOET_BEWEGEN_V2 = verscheept('aandacht-doet-bewegen', 2);
/** TOP-vrouwen (Roermond, Echt-Susteren): a group meets weekly for 26 weeks in three phases. */
export const TOP_VROUWEN_V1 = verscheept('top-vrouwen', 1);
/** Heemskerk's trajecten for rung 1–2: every sub-rung 2.1–2.6 recorded, half-yearly reports, a yearly rung review. */
export const HEEMSKERK_TREDE_1_2_V1 = verscheept('heemskerk-trede-1-2', 1);
/** Helmond's "Iedereen Mag Meedoen": the 0–30% loonwaarde group, in pairs, three-weekly case meetings of every partner. */
export const HELMOND_IEDEREEN_MAG_MEEDOEN_V1 = verscheept('helmond-iedereen-mag-meedoen', 1);
/** Tilburg's "Doe Mee": outreach with 3–4 calls, GAS goals, the behaviour model at T0 and after six months. */
export const TILBURG_DOE_MEE_V1 = verscheept('tilburg-doe-mee', 1);

/** The shipped programme `code` at `versie`, or its highest version when `versie` is omitted. */
export function vindProgramma(code: string, versie?: number): ProgrammaDefinitie | undefined {
  const kandidaten = PROGRAMMA_CATALOGUS.filter((p) => p.code === code && (versie === undefined || p.versie === versie));
  return kandidaten.sort((a, b) => b.versie - a.versie)[0];
}
