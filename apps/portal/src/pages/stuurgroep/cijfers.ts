import type { Schemas } from '../../api/client';
import { ZRM_NAMEN } from '../../format/instrumenten';
import { alsZin } from '../../format/labels';

/** `GET /api/v1/indicatoren`. */
export type IndicatorRapport = Schemas['IndicatorRapportDto'];
/** One released figure (a sum of released base cells only). */
export type IndicatorCel = IndicatorRapport['indicatoren'][number]['cellen'][number];
/** The written definition served with an indicator. */
export type IndicatorDefinitie = IndicatorRapport['indicatoren'][number]['definitie'];
/** `GET /api/v1/convenanten/{id}/afspraken`. */
export type AfsprakenRapport = Schemas['AfsprakenRapportDto'];
/** One commitment of one partner in one period beside its figure. */
export type AfspraakRegel = AfsprakenRapport['regels'][number];

/** The total over the selected partners, as the API names it. */
export const ALLE = 'alle';

/** A figure as the dashboard shows it: the number for the chart (null: no bar) and the text for the table. */
export interface Figuur {
  readonly waarde: number | null;
  readonly tekst: string;
  readonly onderdrukt: boolean;
}

const getal = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

/**
 * A cell as text: a suppressed figure says so in words (never by colour alone), a figure with
 * suppressed cells behind it reads "ten minste" (a count) or "deels" (a percentage or median).
 * An absent count is 0 (nothing was counted); an absent percentage has no figure.
 */
export function figuur(cel: IndicatorCel | undefined, soort: 'aantal' | 'procent' | 'dagen' = 'aantal'): Figuur {
  if (!cel) return soort === 'aantal' ? { waarde: 0, tekst: '0', onderdrukt: false } : { waarde: null, tekst: 'geen gegevens', onderdrukt: false };
  if (cel.onderdrukt) return { waarde: null, tekst: 'onderdrukt (minder dan 5)', onderdrukt: true };
  if (cel.waarde === null) return { waarde: null, tekst: 'geen gegevens', onderdrukt: false };
  const basis = soort === 'procent' ? `${getal(cel.waarde)}%` : soort === 'dagen' ? `${getal(cel.waarde)} werkdagen` : getal(cel.waarde);
  if (!cel.onvolledig) return { waarde: cel.waarde, tekst: basis, onderdrukt: false };
  return { waarde: cel.waarde, tekst: soort === 'aantal' ? `ten minste ${basis}` : `${basis} (deels onderdrukt)`, onderdrukt: false };
}

/** The cells of one indicator. */
export const cellenVan = (r: IndicatorRapport, indicator: IndicatorCel['indicator']): readonly IndicatorCel[] =>
  r.indicatoren.find((i) => i.definitie.code === indicator)?.cellen ?? [];

/** The definition of one indicator. */
export const definitieVan = (r: IndicatorRapport, indicator: IndicatorCel['indicator']): IndicatorDefinitie | undefined =>
  r.indicatoren.find((i) => i.definitie.code === indicator)?.definitie;

/** One cell. */
export function cel(
  r: IndicatorRapport,
  indicator: IndicatorCel['indicator'],
  meting: string,
  partner: string,
  periode: string,
  categorie = '-',
): IndicatorCel | undefined {
  return cellenVan(r, indicator).find((c) => c.meting === meting && c.partner === partner && c.periode === periode && c.categorie === categorie);
}

/** Every period with a figure, oldest first. */
export const perioden = (r: IndicatorRapport): string[] => [...new Set(r.indicatoren.flatMap((i) => i.cellen.map((c) => c.periode)))].sort();

/** `2026-K1` → `1e kwartaal 2026`; a month or year as it is. */
export function periodeLabel(periode: string): string {
  const k = /^(\d{4})-K([1-4])$/.exec(periode);
  return k ? `${k[2]}e kwartaal ${k[1]}` : periode;
}

/** A row of a table beside a chart: its label and the figures of its columns. */
export interface Rij {
  readonly sleutel: string;
  readonly label: string;
  readonly figuren: readonly Figuur[];
}

/** The steps of the reach funnel. */
export const TRECHTER_STAPPEN = [
  ['aangemeld', 'Aangemeld'],
  ['bereikt', 'Bereikt'],
  ['intake', 'Intake'],
  ['actief', 'Actief'],
] as const;

/** The funnel of all partners in `periode`: per step the count and the share of the aangemeld cohort. */
export const trechter = (r: IndicatorRapport, periode: string): Rij[] =>
  TRECHTER_STAPPEN.map(([meting, label]) => ({ sleutel: meting, label, figuren: [figuur(cel(r, 'bereik', meting, ALLE, periode))] }));

/** Ladder (≥ 1 rung within 12 months) and ZRM improvement per domain in `periode`: percentage, improved, measured. */
export function beweging(r: IndicatorRapport, periode: string): Rij[] {
  const rij = (indicator: IndicatorCel['indicator'], categorie: string, label: string): Rij => ({
    sleutel: `${indicator}/${categorie}`,
    label,
    figuren: [
      figuur(cel(r, indicator, 'aandeel', ALLE, periode, categorie), 'procent'),
      figuur(cel(r, indicator, 'teller', ALLE, periode, categorie)),
      figuur(cel(r, indicator, 'noemer', ALLE, periode, categorie)),
    ],
  });
  const domeinen = [...new Set(cellenVan(r, 'zrm-verbetering').map((c) => c.categorie))].sort();
  return [
    rij('ladder-stijging', '-', 'Participatieladder: minstens één trede hoger'),
    ...domeinen.map((d) => rij('zrm-verbetering', d, `ZRM ${ZRM_NAMEN[d] ?? alsZin(d)}`)),
  ];
}

/** Handovers per receiving partner in `periode`: percentage within the deadline, outcomes, median working days. */
export function overdrachten(r: IndicatorRapport, periode: string, naam: (id: string) => string): Rij[] {
  const partners = [...new Set(cellenVan(r, 'overdrachten-binnen-termijn').map((c) => c.partner))].filter((p) => p !== ALLE).sort();
  return partners.map((p) => ({
    sleutel: p,
    label: naam(p),
    figuren: [
      figuur(cel(r, 'overdrachten-binnen-termijn', 'aandeel', p, periode), 'procent'),
      figuur(cel(r, 'overdrachten-binnen-termijn', 'noemer', p, periode)),
      figuur(cel(r, 'overdracht-doorlooptijd', 'mediaan', p, periode), 'dagen'),
    ],
  }));
}

/** Trend per period of all partners: aangemeld, actief and uitgevallen (all reasons). */
export function trend(r: IndicatorRapport): Rij[] {
  return perioden(r).map((p) => ({
    sleutel: p,
    label: periodeLabel(p),
    figuren: [figuur(cel(r, 'bereik', 'aangemeld', ALLE, p)), figuur(cel(r, 'bereik', 'actief', ALLE, p))],
  }));
}

/** Caseload per professional as a distribution over classes (all partners, `periode`). */
export const CASELOAD_KLASSEN = ['1-10', '11-20', '21-30', '31-40', '41+'] as const;
export const caseload = (r: IndicatorRapport, periode: string): Rij[] =>
  CASELOAD_KLASSEN.map((k) => ({
    sleutel: k,
    label: `${k.replace('41+', 'meer dan 40')} trajecten`,
    figuren: [figuur(cel(r, 'caseload', 'professionals', ALLE, periode, k))],
  }));

const TOEZEGGING_LABELS: Readonly<Record<string, string>> = {
  'uren-en-expertise': 'Uren en expertise',
  'aantal-trajecten': 'Aantal trajecten',
  'overdrachten-binnen-termijn': 'Overdrachten binnen de termijn',
  'evaluaties-op-tijd': 'Evaluaties op tijd',
  'casuistiekoverleg-aanwezigheid': 'Aanwezigheid casuïstiekoverleg',
};
const SIGNAAL_LABELS: Readonly<Record<string, string>> = {
  'geen-bron': 'Nog geen bron',
  onderdrukt: 'Onderdrukt',
  'geen-gegevens': 'Geen gegevens',
  gehaald: 'Gehaald',
  lopend: 'Loopt nog',
  'onder-toezegging': 'Onder de toezegging',
  onbekend: 'Niet te beoordelen',
};
const EENHEID_LABELS: Readonly<Record<string, string>> = { uren: 'uur', aantal: '', procent: '%', werkdagen: 'werkdagen' };
const PERIODE_LABELS: Readonly<Record<string, string>> = { maand: 'per maand', kwartaal: 'per kwartaal', jaar: 'per jaar' };

/** A commitment beside its figure, as the table shows it. */
export interface AfspraakWeergave {
  readonly sleutel: string;
  readonly partner: string;
  readonly toezegging: string;
  readonly periode: string;
  readonly toegezegd: string;
  readonly gerealiseerd: Figuur;
  /** The realised figure as a percentage of the commitment (the chart's bar), when both are numbers. */
  readonly realisatie: number | null;
  readonly signaal: string;
  readonly context: string;
}

const metEenheid = (n: number, eenheid: string) =>
  eenheid === 'procent' ? `${getal(n)}%` : `${getal(n)}${EENHEID_LABELS[eenheid] ? ` ${EENHEID_LABELS[eenheid]}` : ''}`;

/** The latest period of each partner's commitment (the running one, or the last that ended), in the API's order. */
export function afspraken(r: AfsprakenRapport, naam: (id: string) => string): AfspraakWeergave[] {
  const laatste = new Map<string, AfspraakRegel>();
  for (const regel of r.regels) laatste.set(`${regel.partner}|${regel.soort}|${regel.expertise ?? ''}`, regel);
  return [...laatste.entries()].map(([sleutel, x]) => ({
    sleutel,
    partner: naam(x.partner),
    toezegging: `${TOEZEGGING_LABELS[x.soort] ?? alsZin(x.soort)}${x.expertise ? ` (${alsZin(x.expertise).toLowerCase()})` : ''}`,
    periode: `${periodeLabel(x.periode)}${x.lopend ? ' (loopt nog)' : ''}`,
    toegezegd: `${metEenheid(x.toezegging, x.eenheid)} ${PERIODE_LABELS[x.periodeSoort] ?? ''}`.trim(),
    gerealiseerd:
      x.indicator === null
        ? { waarde: null, tekst: 'nog geen bron', onderdrukt: false }
        : x.onderdrukt
          ? { waarde: null, tekst: 'onderdrukt (minder dan 5)', onderdrukt: true }
          : x.gerealiseerd === null
            ? { waarde: null, tekst: 'geen gegevens', onderdrukt: false }
            : {
                waarde: x.gerealiseerd,
                tekst: `${x.onvolledig && x.eenheid !== 'procent' ? 'ten minste ' : ''}${metEenheid(x.gerealiseerd, x.eenheid)}`,
                onderdrukt: false,
              },
    realisatie: x.gerealiseerd === null || x.onderdrukt ? null : Math.round((1000 * x.gerealiseerd) / x.toezegging) / 10,
    signaal: SIGNAAL_LABELS[x.signaal] ?? alsZin(x.signaal),
    context: x.context,
  }));
}

/** A chart's summary in words: its title and every label with the figure as the table shows it. */
export const samenvatting = (titel: string, rijen: readonly { readonly label: string; readonly tekst: string }[]): string =>
  rijen.length === 0 ? `${titel}: geen gegevens.` : `${titel}: ${rijen.map((r) => `${r.label} ${r.tekst}`).join('; ')}.`;
