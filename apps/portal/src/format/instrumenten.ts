/** The instruments' scales and domains with their Dutch names, as the evaluation and diagnose forms offer them. */

export const LADDER_TREDEN: readonly { readonly trede: number; readonly naam: string }[] = [
  { trede: 1, naam: 'Geïsoleerd' },
  { trede: 2, naam: 'Sociale contacten buitenshuis' },
  { trede: 3, naam: 'Deelname aan georganiseerde activiteiten' },
  { trede: 4, naam: 'Onbetaald werk' },
  { trede: 5, naam: 'Betaald werk met ondersteuning' },
  { trede: 6, naam: 'Betaald werk' },
];

/** Sub-rungs of rung 2, for programmes that record them (Heemskerk). */
export const SUBTREDEN: readonly { readonly code: string; readonly naam: string }[] = [
  { code: '2.1', naam: 'Sociale activering zonder directe groei naar werk' },
  { code: '2.2', naam: 'Oplossingsgericht' },
  { code: '2.3', naam: 'Tegenprestatie' },
  { code: '2.4', naam: 'Vrijwilligerswerk is (nu) het hoogst haalbare' },
  { code: '2.5', naam: 'Voortraject re-integratie' },
  { code: '2.6', naam: 'Deeltijdwerk is (nu) het hoogst haalbare' },
];

export const ZRM_NAMEN: Readonly<Record<string, string>> = {
  financien: 'Financiën',
  'werk-en-opleiding': 'Werk en opleiding',
  tijdsbesteding: 'Tijdsbesteding',
  dagbesteding: 'Dagbesteding',
  huisvesting: 'Huisvesting',
  'huiselijke-relaties': 'Huiselijke relaties',
  'geestelijke-gezondheid': 'Geestelijke gezondheid',
  'lichamelijke-gezondheid': 'Lichamelijke gezondheid',
  verslaving: 'Verslaving',
  'basale-adl': 'Basale ADL',
  'instrumentele-adl': 'Instrumentele ADL',
  'adl-vaardigheden': 'ADL-vaardigheden',
  'sociaal-netwerk': 'Sociaal netwerk',
  'maatschappelijke-participatie': 'Maatschappelijke participatie',
  justitie: 'Justitie',
};

/** The domains of a programme version's ZRM (the API lists them in the matrix's order) with their Dutch names. */
export function zrmDomeinen(codes: readonly string[]): readonly { readonly code: string; readonly naam: string }[] {
  return codes.map((code) => ({ code, naam: ZRM_NAMEN[code] ?? code }));
}

/** ZRM scores 1–5. */
export const ZRM_WAARDEN: readonly { readonly waarde: number; readonly naam: string }[] = [
  { waarde: 1, naam: '1 — acute problematiek' },
  { waarde: 2, naam: '2 — niet zelfredzaam' },
  { waarde: 3, naam: '3 — beperkt zelfredzaam' },
  { waarde: 4, naam: '4 — voldoende zelfredzaam' },
  { waarde: 5, naam: '5 — volledig zelfredzaam' },
];

/** GAS levels −2 … +2. */
export const GAS_WAARDEN: readonly { readonly waarde: number; readonly naam: string }[] = [
  { waarde: -2, naam: '−2 — veel minder dan verwacht' },
  { waarde: -1, naam: '−1 — minder dan verwacht' },
  { waarde: 0, naam: '0 — verwacht resultaat' },
  { waarde: 1, naam: '+1 — meer dan verwacht' },
  { waarde: 2, naam: '+2 — veel meer dan verwacht' },
];
