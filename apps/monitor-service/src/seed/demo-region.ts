import type { Organisatie, Stuurgroep } from '@ketenregie/monitoring-domain';

/**
 * The demo region `npm start` seeds: a fictional partnership around the gemeente Dommeldal.
 * Ids are stable; names are invented (any likeness to a real organisation is accidental).
 */
export const DEMO_ORGANISATIES: readonly Organisatie[] = [
  { id: 'gemeente-dommeldal', naam: 'Gemeente Dommeldal, Werk & Inkomen', type: 'gemeente' },
  { id: 'werkbrug-dommeldal', naam: 'Stichting Werkbrug Dommeldal', type: 'uitvoerder' },
  { id: 'kempenpoort-reintegratie', naam: 'Kempenpoort Re-integratie B.V.', type: 'uitvoerder' },
  { id: 'ggz-zuiderlicht', naam: 'GGZ Zuiderlicht', type: 'ggz' },
  { id: 'geldwijs-dommeldal', naam: 'Stichting Geldwijs Dommeldal', type: 'schuldhulp' },
  { id: 'van-der-heijden-metaal', naam: 'Van der Heijden Metaal B.V.', type: 'werkgever' },
  { id: 'hoveniers-de-beemd', naam: 'Hoveniersbedrijf De Beemd', type: 'werkgever' },
  { id: 'wijkteam-dommeldal-noord', naam: 'Wijkteam Dommeldal-Noord', type: 'wijkteam' },
];

/** The stuurgroep of the region's convenant: every partner that committed time and expertise. */
export const DEMO_STUURGROEPEN: readonly Stuurgroep[] = [
  {
    id: 'stuurgroep-dommeldal',
    naam: 'Stuurgroep Participatie Dommeldal',
    leden: ['gemeente-dommeldal', 'werkbrug-dommeldal', 'kempenpoort-reintegratie', 'ggz-zuiderlicht', 'geldwijs-dommeldal', 'wijkteam-dommeldal-noord'],
  },
];
