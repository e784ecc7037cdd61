import { type ProgrammaDefinitie } from './programma';

/**
 * Maatwerktraject "samen voorwaarts" of Weener XL for gemeente 's-Hertogenbosch (as its programme description sets it out):
 * one maatwerkcoach, eight phases, 9–12 months (extension possible), sessions of 1.5 h from
 * weekly to once every 3 weeks, an interim evaluation with the werkconsulent, 1–2 nazorg
 * conversations. Entry: rung 1–3, more than three years on bijstand. Numbers the seed leaves
 * open (first-contact deadline, evaluation cadence, escalation) use the partnership defaults.
 */
export const MAATWERKTRAJECT_DEN_BOSCH_V1: ProgrammaDefinitie = Object.freeze({
  code: 'maatwerktraject-den-bosch',
  versie: 1,
  naam: "Maatwerktraject 's-Hertogenbosch (samen voorwaarts)",
  geldigVanaf: '2020-01-01',
  doelgroep: { minLeeftijd: 18, ladderTreden: [1, 3], minJarenBijstand: 3 },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 25, diagnose: 10, 'plan-van-aanpak': 15, afronding: 15 },
  outreach: {
    eersteContactBinnenWerkdagen: 5,
    maxBelpogingen: 4,
    belpogingIntervalWerkdagen: 2,
    huisbezoekBinnenWerkdagen: 10,
    herbenaderingNaWeigeringMaanden: 1,
    maxHerbenaderingen: 3,
  },
  kennismaking: { maxGesprekken: 5 },
  contact: { maxIntervalWerkdagen: 15, sessieMinuten: 90 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 9, maxMaanden: 12, verlenging: { maanden: 3, maxAantal: 1 } },
  nazorg: { duurMaanden: 3, checkInsNaMaanden: [1, 3], checkInBinnenWerkdagen: 10 },
  plan: { maxGasDoelen: 5 },
  noShow: { opvolgingBinnenWerkdagen: 2 },
  overdrachtBinnenWerkdagen: 10,
  escalatieNaWerkdagen: 5,
  einddatumAankondigingWerkdagen: 20,
  instrumenten: {
    ladderVersie: 'participatieladder-6',
    ladderSubtreden: false,
    zrmVersie: 'zrm-2017',
    gasVersie: 'gas-5',
    verplichtBijMeting: ['participatieladder', 'zrm'],
  },
  kalender: {},
} satisfies ProgrammaDefinitie);

/**
 * FIP — Frequent, Intensief, Persoonlijk (Sittard-Geleen, as the SZW study of promising municipal approaches describes it): "viermaal per jaar een
 * gesprek, twee jaar lang". Casemanagers map the life domains with the ZRM without paper; no
 * separate plan phase; stops early when there are no specific problems; no other traject at
 * the same time.
 */
export const FIP_V1: ProgrammaDefinitie = Object.freeze({
  code: 'fip',
  versie: 1,
  naam: 'FIP — Frequent, Intensief, Persoonlijk',
  geldigVanaf: '2017-07-01',
  doelgroep: { minLeeftijd: 18, geenAnderTraject: true },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 20, diagnose: 20, afronding: 20 },
  outreach: {
    eersteContactBinnenWerkdagen: 10,
    maxBelpogingen: 3,
    belpogingIntervalWerkdagen: 3,
    huisbezoekBinnenWerkdagen: 15,
    herbenaderingNaWeigeringMaanden: 1,
    maxHerbenaderingen: 2,
  },
  kennismaking: { maxGesprekken: 2 },
  contact: { maxIntervalWerkdagen: 65, sessieMinuten: 90 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 12, aankondigingWerkdagen: 15 },
  duur: { typischMaanden: 24, maxMaanden: 24, verlenging: { maanden: 6, maxAantal: 0 } },
  nazorg: null,
  plan: { maxGasDoelen: 0 },
  noShow: { opvolgingBinnenWerkdagen: 3 },
  overdrachtBinnenWerkdagen: 10,
  escalatieNaWerkdagen: 10,
  einddatumAankondigingWerkdagen: 40,
  instrumenten: {
    ladderVersie: 'participatieladder-6',
    ladderSubtreden: false,
    zrmVersie: 'zrm-2017',
    gasVersie: 'gas-5',
    verplichtBijMeting: ['zrm'],
  },
  kalender: {},
} satisfies ProgrammaDefinitie);

/** Every shipped programme version. */
export const PROGRAMMA_CATALOGUS: readonly ProgrammaDefinitie[] = Object.freeze([MAATWERKTRAJECT_DEN_BOSCH_V1, FIP_V1]);

/** The programme `code` at `versie`, or the highest version when `versie` is omitted. */
export function vindProgramma(code: string, versie?: number): ProgrammaDefinitie | undefined {
  const kandidaten = PROGRAMMA_CATALOGUS.filter((p) => p.code === code && (versie === undefined || p.versie === versie));
  return kandidaten.sort((a, b) => b.versie - a.versie)[0];
}
