import type { PeriodeSoort } from './convenant';
import type { IndicatorCode } from './indicator-definities';
import type { Basiscel } from './indicatoren';

/** No count below this is shown (a count of 0 is shown: it identifies nobody). */
export const DREMPEL = 5;
/** The partner column of a total over the selected partners. */
export const ALLE_PARTNERS = 'alle';

/** The period a month (`YYYY-MM`) falls in: `2026-03`, `2026-K1` or `2026`. */
export function periodeVan(maand: string, soort: PeriodeSoort): string {
  if (soort === 'maand') return maand;
  const jaar = maand.slice(0, 4);
  return soort === 'jaar' ? jaar : `${jaar}-K${Math.ceil(Number(maand.slice(5, 7)) / 3)}`;
}

/** A base cell is released when its count is 0 or at least {@link DREMPEL}; 1 to 4 is suppressed (primary suppression). */
export const vrijgegeven = (c: Pick<Basiscel, 'aantal'>): boolean => c.aantal === 0 || c.aantal >= DREMPEL;

/** What the stuurgroep asks for. */
export interface Selectie {
  readonly periode: PeriodeSoort;
  /** Only these partners (and their total); absent: every partner. */
  readonly partners?: readonly string[];
  /** First and last month (`YYYY-MM`, inclusive). */
  readonly vanMaand?: string;
  readonly totMaand?: string;
  readonly indicatoren?: readonly IndicatorCode[];
}

/** One figure as shown: a sum of released base cells only. */
export interface Cel {
  readonly indicator: IndicatorCode;
  /** A count measure, or `aandeel` (teller as a percentage of noemer) or `mediaan`. */
  readonly meting: string;
  readonly categorie: string;
  readonly partner: string;
  readonly periode: string;
  /** The figure, or null when it is suppressed. */
  readonly waarde: number | null;
  /** Every base cell behind it was suppressed (it says so; no number is shown). */
  readonly onderdrukt: boolean;
  /** Some base cells behind it were suppressed: the figure counts the released ones only ("ten minste"). */
  readonly onvolledig: boolean;
}

interface Groep {
  readonly indicator: IndicatorCode;
  readonly meting: string;
  readonly categorie: string;
  readonly partner: string;
  readonly periode: string;
  som: number;
  vrij: number;
  onderdrukt: number;
  waarden: number[];
}

const sleutel = (...delen: string[]) => delen.join('\u0000');

/**
 * Turns base cells into the figures a stuurgroeplid may see (pure). The rule, and why it is safe:
 *
 * 1. **Primary suppression**: a base cell (measure × category × partner × month) with a count of
 *    1 to 4 is suppressed.
 * 2. **Every figure is a sum of released base cells only**: a partner's quarter, a year, the
 *    total over partners, a category total, a percentage (teller and noemer over the months where
 *    both are released) and a median (over the values of released cells) are all computed from
 *    released base cells; a suppressed cell contributes nothing anywhere. A figure with
 *    suppressed cells behind it says so (`onvolledig`), one with only suppressed cells behind it
 *    shows no number (`onderdrukt`).
 *
 * Hence the whole output is the same whatever value from 1 to 4 a suppressed cell holds (the
 * suppression pattern does not change within that range, and no released number depends on it):
 * no total, no difference between two periods and no difference between two overlapping
 * selections can tell those values apart. See docs/stuurgroep.md.
 */
export function publiceer(cellen: readonly Basiscel[], selectie: Selectie): Cel[] {
  const partners = selectie.partners ? new Set(selectie.partners) : undefined;
  const indicatoren = selectie.indicatoren ? new Set<string>(selectie.indicatoren) : undefined;
  const groepen = new Map<string, Groep>();
  const maandVrij = new Map<string, boolean>();
  const voeg = (c: Basiscel, partner: string, periode: string) => {
    const k = sleutel(c.indicator, c.meting, c.categorie, partner, periode);
    let g = groepen.get(k);
    if (!g) {
      g = { indicator: c.indicator, meting: c.meting, categorie: c.categorie, partner, periode, som: 0, vrij: 0, onderdrukt: 0, waarden: [] };
      groepen.set(k, g);
    }
    if (vrijgegeven(c)) {
      g.som += c.aantal;
      g.vrij += 1;
      if (c.waarden) g.waarden.push(...c.waarden);
    } else g.onderdrukt += 1;
  };
  const gekozen = cellen.filter(
    (c) =>
      (!indicatoren || indicatoren.has(c.indicator)) &&
      (!partners || partners.has(c.partner)) &&
      (!selectie.vanMaand || c.maand >= selectie.vanMaand) &&
      (!selectie.totMaand || c.maand <= selectie.totMaand),
  );
  for (const c of gekozen) {
    const periode = periodeVan(c.maand, selectie.periode);
    voeg(c, c.partner, periode);
    voeg(c, ALLE_PARTNERS, periode);
    maandVrij.set(sleutel(c.indicator, c.meting, c.categorie, c.partner, c.maand), vrijgegeven(c));
  }
  const uit: Cel[] = [];
  for (const g of groepen.values()) {
    const onderdrukt = g.vrij === 0 && g.onderdrukt > 0;
    uit.push({
      indicator: g.indicator,
      meting: g.meting,
      categorie: g.categorie,
      partner: g.partner,
      periode: g.periode,
      waarde: onderdrukt ? null : g.som,
      onderdrukt,
      onvolledig: g.onderdrukt > 0,
    });
    if (g.meting === 'geaccepteerd' || g.waarden.length > 0) uit.push(mediaanCel(g));
  }
  uit.push(...aandelen(gekozen, selectie, maandVrij));
  return uit.sort(volgorde);
}

function mediaanCel(g: Groep): Cel {
  const w = [...g.waarden].sort((a, b) => a - b);
  const toon = w.length >= DREMPEL;
  const m = w.length % 2 === 1 ? w[(w.length - 1) / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
  return { ...celBasis(g), meting: 'mediaan', waarde: toon ? m : null, onderdrukt: !toon, onvolledig: g.onderdrukt > 0 };
}

const celBasis = (g: Groep) => ({ indicator: g.indicator, categorie: g.categorie, partner: g.partner, periode: g.periode });

/**
 * Percentages of indicators counted as `teller` of `noemer`: per partner (and the total) and
 * period, over the months where the noemer cell is released and the teller cell is released or
 * absent (0), so the percentage too depends on released cells only.
 */
function aandelen(cellen: readonly Basiscel[], selectie: Selectie, vrij: Map<string, boolean>): Cel[] {
  const paren = new Map<
    string,
    { indicator: IndicatorCode; categorie: string; partner: string; periode: string; teller: number; noemer: number; weg: number }
  >();
  const tellers = new Map(cellen.filter((c) => c.meting === 'teller').map((c) => [sleutel(c.indicator, c.categorie, c.partner, c.maand), c]));
  for (const n of cellen) {
    if (n.meting !== 'noemer') continue;
    const tellerVrij = vrij.get(sleutel(n.indicator, 'teller', n.categorie, n.partner, n.maand));
    const teller = tellers.get(sleutel(n.indicator, n.categorie, n.partner, n.maand));
    const bruikbaar = vrijgegeven(n) && tellerVrij !== false;
    const periode = periodeVan(n.maand, selectie.periode);
    for (const partner of [n.partner, ALLE_PARTNERS]) {
      const k = sleutel(n.indicator, n.categorie, partner, periode);
      const p = paren.get(k) ?? { indicator: n.indicator, categorie: n.categorie, partner, periode, teller: 0, noemer: 0, weg: 0 };
      if (bruikbaar) {
        p.noemer += n.aantal;
        p.teller += teller?.aantal ?? 0;
      } else p.weg += 1;
      paren.set(k, p);
    }
  }
  return [...paren.values()].map((p) => {
    const onderdrukt = p.noemer === 0 && p.weg > 0;
    return {
      indicator: p.indicator,
      meting: 'aandeel',
      categorie: p.categorie,
      partner: p.partner,
      periode: p.periode,
      waarde: p.noemer > 0 ? Math.round((1000 * p.teller) / p.noemer) / 10 : null,
      onderdrukt,
      onvolledig: p.weg > 0,
    };
  });
}

function volgorde(a: Cel, b: Cel): number {
  return (
    a.indicator.localeCompare(b.indicator) ||
    a.periode.localeCompare(b.periode) ||
    a.meting.localeCompare(b.meting) ||
    a.categorie.localeCompare(b.categorie) ||
    Number(a.partner === ALLE_PARTNERS) - Number(b.partner === ALLE_PARTNERS) ||
    a.partner.localeCompare(b.partner)
  );
}
