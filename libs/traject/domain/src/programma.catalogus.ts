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
  omschrijving:
    'Eén maatwerkcoach begeleidt mensen die al jaren in de bijstand zitten in acht stappen naar een concrete vervolgstap, in gesprekken van anderhalf uur, van wekelijks tot eens per drie weken, met een tussentijdse evaluatie met de werkconsulent en één of twee nazorggesprekken.',
  bron: "Afstudeeronderzoek (Fontys Hogeschool Tilburg) naar het maatwerktraject 'samen voorwaarts' van Weener XL voor de gemeente 's-Hertogenbosch: doelgroep, contra-indicaties, fasen en duur (9–12 maanden).",
  geldigVanaf: '2020-01-01',
  doelgroep: {
    minLeeftijd: 18,
    ladderTreden: [1, 3],
    minJarenBijstand: 3,
    uitsluitingen: ['ernstige-psychiatrische-problematiek', 'ernstige-verslaving', 'blokkerende-schulden-of-huisvesting', 'onvoldoende-nederlands'],
  },
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
  omschrijving:
    'Een casemanager voert twee jaar lang minstens elk kwartaal een lang gesprek zonder papier over alle leefgebieden (ZRM), verwijst naar zorg en schuldhulp en stopt eerder als er geen specifieke problemen zijn. Geen ander traject tegelijk.',
  bron: 'Landelijke verkenning van zeven gemeentelijke aanpakken voor langdurig bijstandsgerechtigden, paragraaf over FIP in Sittard-Geleen (pilot juli 2017 – juli 2019).',
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

/** Partnership defaults for what a source leaves open (outreach, no-shows, handovers, escalation). */
const STANDAARD = {
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
} as const;

/** A shipped programme: the partnership defaults ({@link STANDAARD}) with what its source sets, frozen. */
function metStandaarden(d: Omit<ProgrammaDefinitie, keyof typeof STANDAARD> & Partial<Pick<ProgrammaDefinitie, keyof typeof STANDAARD>>): ProgrammaDefinitie {
  return Object.freeze({ ...STANDAARD, ...d });
}

/** The parts of a programme definition the partnership defaults fill in when a klantmanager leaves them out. */
export const PROGRAMMA_STANDAARDEN = {
  ...STANDAARD,
  kennismaking: { maxGesprekken: 5 },
  plan: { maxGasDoelen: 5 },
  nazorg: null,
  faseTermijnWerkdagen: {},
} as const;

const INSTRUMENTEN_STANDAARD: ProgrammaDefinitie['instrumenten'] = {
  ladderVersie: 'participatieladder-6',
  ladderSubtreden: false,
  zrmVersie: 'zrm-2017',
  gasVersie: 'gas-5',
  verplichtBijMeting: ['participatieladder', 'zrm'],
};

const VERKENNING = 'Landelijke verkenning van zeven gemeentelijke aanpakken voor langdurig bijstandsgerechtigden';

/**
 * Opleiden in de zorg (Apeldoorn, Heerde, Epe): a group of about 25 follows a one-year
 * training as helpende zorg en welzijn (4 h work + 4 h study, 4 days a week), then a job guarantee
 * watched for two years.
 */
export const OPLEIDEN_IN_DE_ZORG_V1 = metStandaarden({
  code: 'opleiden-in-de-zorg',
  versie: 1,
  naam: 'Opleiden in de zorg',
  omschrijving:
    'Een groep van zo’n 25 mensen met kans op werk binnen één tot drie jaar volgt een jaar lang de opleiding helpende zorg en welzijn (niveau 2): vier dagen per week vier uur werken en vier uur leren, met behoud van uitkering. Daarna een baangarantie van minstens 24 uur per week, die twee jaar wordt gevolgd.',
  bron: `${VERKENNING}, paragraaf over Opleiden in de zorg (Apeldoorn, Heerde, Epe): werving, selectie van enkele weken, één jaar opleiding, baangarantie van twee jaar.`,
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 18, uitsluitingen: ['onvoldoende-nederlands'] },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'nazorg', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 20, diagnose: 10, 'plan-van-aanpak': 10, afronding: 15 },
  kennismaking: { maxGesprekken: 3 },
  contact: { maxIntervalWerkdagen: 10, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 12, maxMaanden: 12, verlenging: { maanden: 3, maxAantal: 0 } },
  nazorg: { duurMaanden: 24, checkInsNaMaanden: [6, 12, 18, 24], checkInBinnenWerkdagen: 10 },
  plan: { maxGasDoelen: 3 },
  groep: { cohortGrootte: 25, startdatum: '2027-03-01' },
  maxTrajecten: 25,
  instrumenten: INSTRUMENTEN_STANDAARD,
});

/**
 * Buurt-m/v (Barendrecht, Albrandswaard, Ridderkerk): a former bijstand recipient is
 * hired as a neighbourhood worker after a two-month trial, on contracts of 7, 7 and 8 months.
 */
export const BUURT_MV_V1 = metStandaarden({
  code: 'buurt-mv',
  versie: 1,
  naam: 'Buurt-m/v',
  omschrijving:
    'Werkfitte bijstandsgerechtigden worden na een proefplaatsing van twee maanden buurtman of buurtvrouw bij een stichting: 30 uur per week, waarvan zo’n 24 uur met 6 tot 10 kwetsbare buurtbewoners, op contracten van 7, 7 en 8 maanden; de eerste zeven maanden staan in het teken van leren-werken.',
  bron: `${VERKENNING}, paragraaf over Buurt-m/v (Barendrecht, Albrandswaard, Ridderkerk): voordracht, matchmaker, proefplaatsing van twee maanden, contracten van 7-7-8 maanden.`,
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 18, minJarenBijstand: 1, uitsluitingen: ['niet-gemotiveerd'] },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { diagnose: 10, afronding: 20 },
  faseTermijnMaanden: { kennismaking: 2 },
  kennismaking: { maxGesprekken: 3 },
  contact: { maxIntervalWerkdagen: 5, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 7, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 22, maxMaanden: 22, verlenging: { maanden: 3, maxAantal: 0 } },
  nazorg: null,
  plan: { maxGasDoelen: 0 },
  maxTrajecten: 6,
  instrumenten: { ...INSTRUMENTEN_STANDAARD, verplichtBijMeting: ['zrm'] },
});

/**
 * Energiebox (Utrecht): people of 50 and over are hired as energy advisers after one
 * interview and a one-month trial, then a one-year contract, then a permanent one.
 */
export const ENERGIEBOX_V1 = metStandaarden({
  code: 'energiebox',
  versie: 1,
  naam: 'Energiebox',
  omschrijving:
    'Langdurig bijstandsgerechtigden van 50 jaar en ouder met sociale vaardigheden en affiniteit met duurzaamheid worden na één gesprek energieadviseur: een maand proefplaatsing met behoud van uitkering, dan een jaarcontract van 28 uur en daarna een vast contract.',
  bron: `${VERKENNING}, paragraaf over Energiebox (Utrecht): één sollicitatiegesprek, proefplaatsing van een maand, jaarcontract, daarna vast.`,
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 50 },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 10, afronding: 20 },
  kennismaking: { maxGesprekken: 1 },
  contact: { maxIntervalWerkdagen: 20, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 13, maxMaanden: 13, verlenging: { maanden: 3, maxAantal: 0 } },
  nazorg: null,
  plan: { maxGasDoelen: 0 },
  maxTrajecten: 13,
  instrumenten: { ...INSTRUMENTEN_STANDAARD, verplichtBijMeting: [] },
});

/**
 * APP, Actieplan Poelenburg-Peldersveld (Zaanstad): every long-term recipient on rung 1
 * or 2 is called in; the wijkteam's plan is discussed in the monthly casuïstiekoverleg and signed.
 */
export const APP_ZAANSTAD_V1 = metStandaarden({
  code: 'app-zaanstad',
  versie: 1,
  naam: 'APP — Participeren met Perspectief',
  omschrijving:
    'Iedereen die langer dan twee jaar bijstand heeft en op trede 1 of 2 staat, wordt uitgenodigd voor een keukentafelgesprek over alle leefgebieden. Het sociaal wijkteam maakt een plan dat in het maandelijkse casuïstiekoverleg met Werkom, Naleving en de coördinator armoede-participatie wordt besproken en dat de bewoner ondertekent; minstens een uur per week meedoen, twee jaar lang.',
  bron: `${VERKENNING}, paragraaf over het Actieplan Poelenburg-Peldersveld (Zaanstad): geen selectie, keukentafelgesprek, maandelijks casuïstiekoverleg, ondertekend plan, twee jaar.`,
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 18, ladderTreden: [1, 2], minJarenBijstand: 2 },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 20, diagnose: 10, 'plan-van-aanpak': 25, afronding: 20 },
  kennismaking: { maxGesprekken: 2 },
  contact: { maxIntervalWerkdagen: 5, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 24, maxMaanden: 24, verlenging: { maanden: 6, maxAantal: 0 } },
  nazorg: null,
  plan: { maxGasDoelen: 3 },
  casuistiekoverleg: { elkeMaanden: 1, partners: ['sociaal-wijkteam', 'werkom', 'naleving', 'armoede-participatie'], vanafFase: 'plan-van-aanpak' },
  maxTrajecten: 200,
  instrumenten: { ...INSTRUMENTEN_STANDAARD, verplichtBijMeting: ['participatieladder'] },
});

const AANDACHT_DOET_BEWEGEN_BASIS = {
  ...STANDAARD,
  code: 'aandacht-doet-bewegen',
  naam: 'Aandacht doet bewegen',
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 10, diagnose: 20, 'plan-van-aanpak': 10, afronding: 15 },
  kennismaking: { maxGesprekken: 2 },
  contact: { maxIntervalWerkdagen: 5, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 9, maxMaanden: 9, verlenging: { maanden: 3, maxAantal: 4 } },
  nazorg: null,
  plan: { maxGasDoelen: 3 },
  instrumenten: INSTRUMENTEN_STANDAARD,
} as const;

/**
 * Aandacht doet bewegen (Maastricht-Heuvelland), as piloted in 2018: recipients with
 * less severe psychological complaints who want "something"; weekly contact; every three months
 * the klantmanager hears how it goes and whether to continue.
 */
export const AANDACHT_DOET_BEWEGEN_V1: ProgrammaDefinitie = Object.freeze({
  ...AANDACHT_DOET_BEWEGEN_BASIS,
  versie: 1,
  omschrijving:
    'Bijstandsgerechtigden met minder ernstige psychische klachten die ‘iets’ willen: een consulent brengt bij de klant thuis alle leefgebieden in kaart, maakt een plan en heeft elke week contact (motiverende gespreksvoering, bewegen). Minstens elke drie maanden hoort de klantmanager, die regisseur blijft, hoe het gaat en wordt besloten of het doorgaat.',
  bron: `${VERKENNING}, paragraaf over Aandacht doet bewegen (Maastricht en Heuvelland): pilot vanaf januari 2018, wekelijks contact, terugkoppeling elke drie maanden, verlengd.`,
  geldigVanaf: '2018-01-01',
  doelgroep: { minLeeftijd: 18, uitsluitingen: ['ernstige-psychiatrische-problematiek', 'niet-gemotiveerd'] },
} satisfies ProgrammaDefinitie);

/** Aandacht doet bewegen as standing service from April 2019: no distinction by severity of the complaints any more. */
export const AANDACHT_DOET_BEWEGEN_V2: ProgrammaDefinitie = Object.freeze({
  ...AANDACHT_DOET_BEWEGEN_BASIS,
  versie: 2,
  omschrijving:
    'Als versie 1, maar als vaste dienstverlening sinds april 2019: de ernst van de psychische klachten is geen uitsluitingsgrond meer; de begeleiding kan na werk doorgaan, telkens per drie maanden besloten.',
  bron: `${VERKENNING}, paragraaf over Aandacht doet bewegen: later geen onderscheid meer naar de ernst van de klachten; sinds april 2019 reguliere dienstverlening.`,
  geldigVanaf: '2019-04-01',
  doelgroep: { minLeeftijd: 18, uitsluitingen: ['niet-gemotiveerd'] },
} satisfies ProgrammaDefinitie);

/**
 * TOP-vrouwen (Roermond, Echt-Susteren): a group of 20–25 meets weekly for about two
 * hours over 26 weeks in three phases: Ontdekken (w1–6), Doen (w7–15), Ondernemen (w16–26).
 */
export const TOP_VROUWEN_V1 = metStandaarden({
  code: 'top-vrouwen',
  versie: 1,
  naam: 'TOP-vrouwen (talentvol, ondernemend, proactief)',
  omschrijving:
    'Een groep van 20 tot 25 alleenstaande moeders (later ook andere vrouwen en mannen) komt een half jaar lang wekelijks zo’n twee uur bijeen: Ontdekken (week 1–6: ondernemingsplan, cv), Doen (week 7–15: het plan toetsen op een werkervaringsplek) en Ondernemen (week 16–26), met tussentijdse rapportages aan de gemeente.',
  bron: `${VERKENNING}, paragraaf over TOP-vrouwen (Roermond, Echt-Susteren): zes maanden, drie fasen, wekelijkse bijeenkomsten, groepen van 20–25.`,
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 18, uitsluitingen: ['niet-gemotiveerd'] },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 10, diagnose: 30, 'plan-van-aanpak': 10, afronding: 10 },
  kennismaking: { maxGesprekken: 1 },
  contact: { maxIntervalWerkdagen: 5, sessieMinuten: 120 },
  evaluatie: { intervalMaanden: 2, t1NaMaanden: 4, aankondigingWerkdagen: 5 },
  duur: { typischMaanden: 6, maxMaanden: 6, verlenging: { maanden: 1, maxAantal: 0 } },
  nazorg: null,
  plan: { maxGasDoelen: 5 },
  groep: { cohortGrootte: 25, startdatum: '2027-03-01' },
  maxTrajecten: 25,
  instrumenten: { ...INSTRUMENTEN_STANDAARD, verplichtBijMeting: ['participatieladder'] },
});

/**
 * Heemskerk's trajecten for rung 1–2 clients: the klantmanager records every sub-rung
 * 2.1–2.6 the client sits on (the highest counts), the provider reports every half year, and the
 * rung is reviewed every year.
 */
export const HEEMSKERK_TREDE_1_2_V1 = metStandaarden({
  code: 'heemskerk-trede-1-2',
  versie: 1,
  naam: 'Heemskerk — trajecten voor trede 1 en 2',
  omschrijving:
    'Voor klanten op trede 1 en 2 kiest de klantmanager bij de subtrede (2.1 sociale activering tot 2.6 deeltijdwerk) een traject bij een aanbieder. Een klant kan op meer subtreden tegelijk staan; de hoogste telt. De aanbieder rapporteert elk half jaar of de klant kan stijgen, en elk jaar wordt de trede herbeoordeeld.',
  bron: 'Afstudeeronderzoek (Hogeschool Leiden, 2018) voor de gemeente Heemskerk, afdeling Werk, Inkomen en Zorg: subtreden 2.1–2.6, trajectenmap per subtrede, halfjaarlijkse rapportage, jaarlijkse herbeoordeling.',
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 18, ladderTreden: [1, 2] },
  fasen: ['aanmelding', 'contact-leggen', 'diagnose', 'uitvoering', 'afgesloten'],
  faseTermijnWerkdagen: { diagnose: 20 },
  kennismaking: { maxGesprekken: 1 },
  contact: { maxIntervalWerkdagen: 65, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 6, t1NaMaanden: 12, aankondigingWerkdagen: 15 },
  duur: { typischMaanden: 12, maxMaanden: 24, verlenging: { maanden: 12, maxAantal: 3 } },
  nazorg: null,
  plan: { maxGasDoelen: 0 },
  instrumenten: { ...INSTRUMENTEN_STANDAARD, ladderSubtreden: true, verplichtBijMeting: ['participatieladder'], ladderHerbeoordelingMaanden: 12 },
});

/**
 * Helmond's "Iedereen Mag Meedoen": the 0–30% loonwaarde group, in pairs, with
 * three-weekly case meetings of every convenant party.
 */
export const HELMOND_IEDEREEN_MAG_MEEDOEN_V1 = metStandaarden({
  code: 'helmond-iedereen-mag-meedoen',
  versie: 1,
  naam: 'Iedereen Mag Meedoen (Helmond)',
  omschrijving:
    'Voor bijstandsgerechtigden met een loonwaarde onder de 30%: professionals werken in duo’s, bij voorkeur met huisbezoeken, en elke drie weken bespreken alle convenantpartners (gemeente, Senzer, ORO, GGZ, MEE, LEVgroep) de casussen.',
  bron: 'Landelijk onderzoek naar intensieve persoonlijke begeleiding van langdurig bijstandsgerechtigden (Leiden, Helmond, Tilburg), deel over Helmond: loonwaarde onder 30%, driewekelijks casusoverleg van alle convenantpartijen.',
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 18, loonwaarde: [0, 30] },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 25, diagnose: 15, 'plan-van-aanpak': 15, afronding: 15 },
  kennismaking: { maxGesprekken: 5 },
  contact: { maxIntervalWerkdagen: 15, sessieMinuten: 90 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 12, maxMaanden: 24, verlenging: { maanden: 6, maxAantal: 2 } },
  nazorg: null,
  plan: { maxGasDoelen: 5 },
  casuistiekoverleg: { elkeWeken: 3, partners: ['gemeente', 'senzer', 'oro', 'ggz', 'mee', 'levgroep'] },
  instrumenten: INSTRUMENTEN_STANDAARD,
});

/**
 * Tilburg's "Doe Mee" pilot: people of 27 and over on bijstand without any guidance,
 * traject or volunteer work; outreach with 3–4 calls, trust over about three conversations, GAS
 * goals, the coach scoring Tilburg's behaviour model at T0 and after six months.
 */
export const TILBURG_DOE_MEE_V1 = metStandaarden({
  code: 'tilburg-doe-mee',
  versie: 1,
  naam: 'Doe Mee (Tilburg)',
  omschrijving:
    'Voor bijstandsgerechtigden van 27 jaar en ouder zonder begeleiding naar werk, zonder traject en zonder vrijwilligerswerk: na flyer, telefoon en zo nodig een huisbezoek bouwt een coach in een paar gesprekken vertrouwen op, werkt met kleine SMART- en GAS-doelen en scoort bij de start en na een half jaar het Integratief Gedragsmodel (1–10 per factor).',
  bron: 'Landelijk onderzoek naar intensieve persoonlijke begeleiding van langdurig bijstandsgerechtigden (Leiden, Helmond, Tilburg), deel over Tilburg: doelgroep, outreach met 3–4 belpogingen, T0 en T1 na zes maanden, GAS en het Integratief Gedragsmodel.',
  geldigVanaf: '2026-12-01',
  doelgroep: { minLeeftijd: 27, geenAnderTraject: true },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'plan-van-aanpak', 'uitvoering', 'afronding', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 25, diagnose: 15, 'plan-van-aanpak': 15, afronding: 15 },
  kennismaking: { maxGesprekken: 5 },
  contact: { maxIntervalWerkdagen: 20, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 12, maxMaanden: 24, verlenging: { maanden: 6, maxAantal: 2 } },
  nazorg: null,
  plan: { maxGasDoelen: 5 },
  instrumenten: { ...INSTRUMENTEN_STANDAARD, hulpmiddelen: ['gedragsmodel-tilburg'] },
});

/** Every shipped programme version: the seed data of the demo region's programme catalogue. */
export const PROGRAMMA_CATALOGUS: readonly ProgrammaDefinitie[] = Object.freeze([
  MAATWERKTRAJECT_DEN_BOSCH_V1,
  FIP_V1,
  OPLEIDEN_IN_DE_ZORG_V1,
  BUURT_MV_V1,
  ENERGIEBOX_V1,
  APP_ZAANSTAD_V1,
  AANDACHT_DOET_BEWEGEN_V1,
  AANDACHT_DOET_BEWEGEN_V2,
  TOP_VROUWEN_V1,
  HEEMSKERK_TREDE_1_2_V1,
  HELMOND_IEDEREEN_MAG_MEEDOEN_V1,
  TILBURG_DOE_MEE_V1,
]);

/** The shipped programme `code` at `versie`, or its highest version when `versie` is omitted. */
export function vindProgramma(code: string, versie?: number): ProgrammaDefinitie | undefined {
  const kandidaten = PROGRAMMA_CATALOGUS.filter((p) => p.code === code && (versie === undefined || p.versie === versie));
  return kandidaten.sort((a, b) => b.versie - a.versie)[0];
}
