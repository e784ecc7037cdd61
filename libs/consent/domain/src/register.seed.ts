import { type WettelijkeGrondslag } from './grondslag';
import { type ReleaseProfiel, type Verwerkingsactiviteit, type Verwerkingsregister } from './verwerkingsregister';

const PARTICIPATIEWET: WettelijkeGrondslag = {
  avg: 'art6-1-e-publieke-taak',
  wet: 'Participatiewet art. 7 lid 1 onder a en art. 10 (ondersteuning bij arbeidsinschakeling)',
};
const LOONKOSTENSUBSIDIE: WettelijkeGrondslag = {
  avg: 'art6-1-e-publieke-taak',
  wet: 'Participatiewet art. 10d (loonkostensubsidie, loonwaardebepaling)',
};
const WGS: WettelijkeGrondslag = {
  avg: 'art6-1-e-publieke-taak',
  wet: 'Wet gemeentelijke schuldhulpverlening art. 3 en 5',
};

const reIntegratie: Verwerkingsactiviteit = {
  id: 'va-re-integratie',
  versie: 1,
  naam: 'Uitvoering re-integratietraject',
  doel: 're-integratie',
  doelomschrijving: 'Ondersteuning van de deelnemer bij arbeidsinschakeling en participatie door de gemeente en de door haar gecontracteerde uitvoerders.',
  verwerkingsverantwoordelijken: ['gemeente'],
  art9: ['art9-2-a-uitdrukkelijke-toestemming'],
  categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'uitkering', 'werkervaring-cv', 'beperkingen-werk', 'financien-schulden'],
  ontvangers: [
    {
      type: 'uitvoerder',
      wettelijk: { grondslag: PARTICIPATIEWET, categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'werkervaring-cv'] },
    },
    {
      type: 'gemeente',
      wettelijk: { grondslag: PARTICIPATIEWET, categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'uitkering'] },
    },
    { type: 'wijkteam' },
  ],
  bewaartermijn: { jaren: 5, vanaf: 'einde-traject' },
};

const warmeOverdracht: Verwerkingsactiviteit = {
  id: 'va-warme-overdracht',
  versie: 1,
  naam: 'Warme overdracht tussen partners',
  doel: 'warme-overdracht',
  doelomschrijving: 'Overdracht van de regie of begeleiding van een deelnemer aan een volgende partner, met het minimale dossier voor diens rol.',
  verwerkingsverantwoordelijken: ['gemeente', 'uitvoerder'],
  art9: ['art9-2-a-uitdrukkelijke-toestemming', 'art9-2-h-zorg-beroepsgeheim'],
  categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid', 'beperkingen-werk', 'financien-schulden', 'werkervaring-cv'],
  ontvangers: [
    { type: 'uitvoerder', wettelijk: { grondslag: PARTICIPATIEWET, categorieen: ['contact', 'traject-status', 'participatieladder'] } },
    { type: 'gemeente', wettelijk: { grondslag: PARTICIPATIEWET, categorieen: ['contact', 'traject-status', 'participatieladder'] } },
    { type: 'ggz' },
    { type: 'wijkteam' },
  ],
  bewaartermijn: { jaren: 5, vanaf: 'einde-traject' },
};

const verwijzingGgz: Verwerkingsactiviteit = {
  id: 'va-verwijzing-ggz',
  versie: 1,
  naam: 'Verwijzing naar en terugkoppeling met de GGZ',
  doel: 'verwijzing-ggz',
  doelomschrijving: 'Verwijzing van de deelnemer naar GGZ-behandeling en terugkoppeling van de behandelstatus, uitsluitend met uitdrukkelijke toestemming.',
  verwerkingsverantwoordelijken: ['gemeente', 'ggz'],
  art9: ['art9-2-a-uitdrukkelijke-toestemming', 'art9-2-h-zorg-beroepsgeheim'],
  categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid', 'financien-schulden'],
  ontvangers: [{ type: 'ggz' }, { type: 'gemeente' }, { type: 'uitvoerder' }],
  bewaartermijn: { jaren: 5, vanaf: 'einde-traject' },
};

const bemiddelingWerkV1: Verwerkingsactiviteit = {
  id: 'va-bemiddeling-werk',
  versie: 1,
  naam: 'Bemiddeling naar werk en proefplaatsing',
  doel: 'bemiddeling-werk',
  doelomschrijving: 'Matching op een vacature, proefplaatsing en plaatsing bij een werkgever, inclusief loonkostensubsidie.',
  verwerkingsverantwoordelijken: ['gemeente'],
  art9: ['art9-2-a-uitdrukkelijke-toestemming'],
  categorieen: ['contact', 'werkervaring-cv', 'loonwaarde'],
  ontvangers: [{ type: 'werkgever', wettelijk: { grondslag: LOONKOSTENSUBSIDIE, categorieen: ['loonwaarde'] } }],
  bewaartermijn: { jaren: 2, vanaf: 'einde-traject' },
};

/** Version 2 lets the deelnemer disclose work-related limitations to the employer (with consent). */
const bemiddelingWerkV2: Verwerkingsactiviteit = {
  ...bemiddelingWerkV1,
  versie: 2,
  categorieen: ['contact', 'werkervaring-cv', 'loonwaarde', 'beperkingen-werk'],
};

/**
 * The werkgever lane (plaatsing context): what a coach's proposal for a vacancy discloses to the
 * employer. Contact details and work experience with consent, limitations only with explicit
 * consent, the loonwaarde on the loonkostensubsidie basis.
 */
const plaatsingWerkgever: Verwerkingsactiviteit = {
  id: 'va-plaatsing-werkgever',
  versie: 1,
  naam: 'Voordracht en plaatsing bij een werkgever',
  doel: 'plaatsing-werkgever',
  doelomschrijving:
    'Voordracht op een vacature, kennismaking, proefplaatsing, loonwaardemeting en plaatsing bij een werkgever; beperkingen alleen met uitdrukkelijke toestemming.',
  verwerkingsverantwoordelijken: ['gemeente'],
  art9: ['art9-2-a-uitdrukkelijke-toestemming'],
  categorieen: ['contact', 'werkervaring-cv', 'loonwaarde', 'beperkingen-werk'],
  ontvangers: [{ type: 'werkgever', wettelijk: { grondslag: LOONKOSTENSUBSIDIE, categorieen: ['loonwaarde'] } }],
  bewaartermijn: { jaren: 2, vanaf: 'einde-traject' },
};

const schuldhulp: Verwerkingsactiviteit = {
  id: 'va-schuldhulpverlening',
  versie: 1,
  naam: 'Schuldhulpverlening',
  doel: 'schuldhulpverlening',
  doelomschrijving: 'Toeleiding naar en uitvoering van schuldhulpverlening door de gemeente, de schuldhulporganisatie en het wijkteam.',
  verwerkingsverantwoordelijken: ['gemeente'],
  art9: [],
  categorieen: ['contact', 'financien-schulden', 'uitkering', 'traject-status'],
  ontvangers: [
    { type: 'schuldhulp', wettelijk: { grondslag: WGS, categorieen: ['contact', 'financien-schulden', 'uitkering'] } },
    { type: 'wijkteam', wettelijk: { grondslag: WGS, categorieen: ['contact', 'financien-schulden', 'uitkering'] } },
    { type: 'gemeente', wettelijk: { grondslag: WGS, categorieen: ['contact', 'financien-schulden', 'uitkering'] } },
    { type: 'uitvoerder' },
  ],
  bewaartermijn: { jaren: 7, vanaf: 'einde-traject' },
};

const releaseProfielenV1: readonly ReleaseProfiel[] = [
  {
    ontvangerType: 'gemeente',
    regels: [
      { categorie: 'contact', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'traject-status', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'participatieladder', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'zrm', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'uitkering', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'financien-schulden', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'werkervaring-cv', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'beperkingen-werk', velden: ['functionele-beperkingen', 'belastbaarheid-uren'], voorwaarde: 'alleen-met-toestemming' },
      // The gemeente learns whether treatment runs, never the diagnosis.
      { categorie: 'gezondheid', velden: ['behandelstatus'], voorwaarde: 'alleen-met-toestemming' },
    ],
  },
  {
    ontvangerType: 'uitvoerder',
    regels: [
      { categorie: 'contact', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'traject-status', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'participatieladder', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'zrm', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'werkervaring-cv', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'beperkingen-werk', velden: 'alle', voorwaarde: 'alleen-met-toestemming' },
      { categorie: 'financien-schulden', velden: ['schuldhulptraject', 'bewindvoering'], voorwaarde: 'alleen-met-toestemming' },
      { categorie: 'gezondheid', velden: ['behandelaar', 'behandelstatus'], voorwaarde: 'alleen-met-toestemming' },
    ],
  },
  {
    // A werkgever never receives health data or a diagnosis, whatever the consent says.
    ontvangerType: 'werkgever',
    regels: [
      { categorie: 'contact', velden: ['naam', 'telefoon', 'email'], voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'werkervaring-cv', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'loonwaarde', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'beperkingen-werk', velden: ['belastbaarheid-uren', 'aanpassingen-werkplek'], voorwaarde: 'alleen-met-toestemming' },
    ],
  },
  {
    // GGZ gets no financial detail unless the deelnemer consents.
    ontvangerType: 'ggz',
    regels: [
      { categorie: 'contact', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'traject-status', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'participatieladder', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'zrm', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'gezondheid', velden: 'alle', voorwaarde: 'alleen-met-toestemming' },
      { categorie: 'beperkingen-werk', velden: 'alle', voorwaarde: 'alleen-met-toestemming' },
      { categorie: 'financien-schulden', velden: ['schuldhulptraject', 'bewindvoering'], voorwaarde: 'alleen-met-toestemming' },
    ],
  },
  {
    ontvangerType: 'schuldhulp',
    regels: [
      { categorie: 'contact', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'financien-schulden', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'uitkering', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'traject-status', velden: ['programma', 'regievoerder'], voorwaarde: 'alleen-met-toestemming' },
    ],
  },
  {
    ontvangerType: 'wijkteam',
    regels: [
      { categorie: 'contact', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'traject-status', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'participatieladder', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'zrm', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'financien-schulden', velden: 'alle', voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'uitkering', velden: ['uitkeringssoort', 'ingangsdatum'], voorwaarde: 'grondslag-of-toestemming' },
      { categorie: 'gezondheid', velden: ['behandelstatus'], voorwaarde: 'alleen-met-toestemming' },
    ],
  },
];

/**
 * The demo partnership's processing register (gemeente, uitvoerders, werkgevers, GGZ and the
 * wijkteam under one convenant), as versioned data. Version 2 adds schuldhulpverlening and lets
 * a deelnemer disclose work-related limitations to an employer; version 3 adds the werkgever lane's
 * proposals (`plaatsing-werkgever`).
 */
export const DEMO_REGISTER: Verwerkingsregister = {
  versies: [
    {
      versie: 1,
      geldigVanaf: new Date('2026-01-01T00:00:00.000Z'),
      activiteiten: [reIntegratie, warmeOverdracht, verwijzingGgz, bemiddelingWerkV1],
      releaseProfielen: releaseProfielenV1,
    },
    {
      versie: 2,
      geldigVanaf: new Date('2026-07-01T00:00:00.000Z'),
      activiteiten: [reIntegratie, warmeOverdracht, verwijzingGgz, bemiddelingWerkV2, schuldhulp],
      releaseProfielen: releaseProfielenV1,
    },
    {
      versie: 3,
      geldigVanaf: new Date('2026-11-01T00:00:00.000Z'),
      activiteiten: [reIntegratie, warmeOverdracht, verwijzingGgz, bemiddelingWerkV2, schuldhulp, plaatsingWerkgever],
      releaseProfielen: releaseProfielenV1,
    },
  ],
};
