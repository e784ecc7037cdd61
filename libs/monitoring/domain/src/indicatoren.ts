import { addMonths, compareIsoDates, type IsoDate } from '@ketenregie/shared-kernel';
import type { IndicatorCode } from './indicator-definities';
import { plaatsingDuur, type OverdrachtStand, type PlaatsingStand, type VerwijzingStand } from './keten-stand';
import type { Feit, TrajectStand } from './traject-stand';

/**
 * A base cell: the finest unit the indicators are counted in — one measure, one category, one
 * partner, one calendar month. Every figure the stuurgroep sees is a sum of base cells that are
 * released (see `openbaar.ts`), never of a suppressed one.
 */
export interface Basiscel {
  readonly indicator: IndicatorCode;
  /** What is counted, e.g. `aangemeld`, `teller`, `noemer`, `professionals`. */
  readonly meting: string;
  /** A code within the measure (a drop-out reason, a ZRM domain, a caseload class), or `-`. */
  readonly categorie: string;
  readonly partner: string;
  /** `YYYY-MM`. */
  readonly maand: string;
  /** A count (≥ 0). */
  readonly aantal: number;
  /** For a median: the values behind the count (e.g. working days), released only with the cell. */
  readonly waarden?: readonly number[];
}

/** Everything the indicators are computed from. */
export interface IndicatorBron {
  readonly trajecten: Iterable<TrajectStand>;
  /** Consent facts (`toestemming.gegeven`, `toestemming.ingetrokken`) with `data.organisatie`. */
  readonly toestemmingen?: Iterable<Feit>;
  readonly overdrachten?: Iterable<OverdrachtStand>;
  readonly verwijzingen?: Iterable<VerwijzingStand>;
  readonly plaatsingen?: Iterable<PlaatsingStand>;
}

/** The lasting-placement checks the indicator follows (months after the contract's start). */
export const DUURZAAMHEID_MAANDEN = [6, 12] as const;

/** `YYYY-MM` of a date. */
export const maandVan = (datum: IsoDate): string => datum.slice(0, 7);

/** Caseload classes (running trajecten per professional). */
export const CASELOAD_KLASSEN = ['1-10', '11-20', '21-30', '31-40', '41+'] as const;
/** The caseload class of a number of running trajecten (≥ 1). */
export function caseloadKlasse(n: number): (typeof CASELOAD_KLASSEN)[number] {
  return n <= 10 ? '1-10' : n <= 20 ? '11-20' : n <= 30 ? '21-30' : n <= 40 ? '31-40' : '41+';
}

class Teller {
  private readonly cellen = new Map<string, { cel: Omit<Basiscel, 'aantal' | 'waarden'>; aantal: number; waarden?: number[] }>();

  tel(indicator: IndicatorCode, meting: string, categorie: string, partner: string | undefined, datum: IsoDate, waarde?: number): void {
    const p = partner ?? 'onbekend';
    const maand = maandVan(datum);
    const key = `${indicator}|${meting}|${categorie}|${p}|${maand}`;
    let c = this.cellen.get(key);
    if (!c) {
      c = { cel: { indicator, meting, categorie, partner: p, maand }, aantal: 0 };
      this.cellen.set(key, c);
    }
    c.aantal += 1;
    if (waarde !== undefined) (c.waarden ??= []).push(waarde);
  }

  lijst(): Basiscel[] {
    return [...this.cellen.values()].map((c) => ({ ...c.cel, aantal: c.aantal, ...(c.waarden ? { waarden: [...c.waarden].sort((a, b) => a - b) } : {}) }));
  }
}

/**
 * Computes every indicator's base cells from the projection (pure). `vandaag` decides which
 * ladder cohorts have completed their 12 months and the caseload of the running month. See
 * `INDICATOR_DEFINITIES` for each definition in words; the rules here are the same:
 *
 * - bereik: per aanmeld-month and aanmeld-partner, trajecten `aangemeld`, `bereikt`, `intake`, `actief`;
 * - uitval: per drop-out month and lead partner on that day, by coded reason;
 * - ladder-stijging: per month of the first ladder score, `noemer` = cohort members whose 12
 *   months have passed or who already rose, `teller` = those who rose ≥ 1 rung within 12 months;
 * - zrm-verbetering: per ZRM domain and month of the latest score, `noemer` = scored twice,
 *   `teller` = latest above first;
 * - evaluaties-op-tijd: per evaluation month and coach organisation, `noemer` all, `teller` on time;
 * - overdrachten-binnen-termijn / overdracht-doorlooptijd: per outcome month and receiver;
 * - verwijzingen: per month and receiver, by outcome; toestemmingen: given and withdrawn;
 * - plaatsingen: per werkgever, `gestart` in the start month; `proef-naar-contract` (noemer: a
 *   proefplaatsing with an outcome, teller: a contract) in the proefplaatsing's month;
 *   `duurzaam-6`/`duurzaam-12` (noemer: a contract whose check took place or that ended before it,
 *   teller: in service at the check) in the contract's month; `teruggeleid` by coded reason and
 *   `duur` (days from start, for the median) in the month of the return;
 * - caseload: per month (the month of `vandaag` only: a current stand) and coach organisation,
 *   professionals by class of running trajecten.
 */
export function berekenBasiscellen(bron: IndicatorBron, vandaag: IsoDate): Basiscel[] {
  const t = new Teller();
  const caseload = new Map<string, { partner: string; n: number }>();
  for (const s of bron.trajecten) {
    if (s.aangemeldOp) {
      t.tel('bereik', 'aangemeld', '-', s.aanmeldPartner, s.aangemeldOp);
      if (s.bereiktOp) t.tel('bereik', 'bereikt', '-', s.aanmeldPartner, s.aangemeldOp);
      if (s.intakeOp) t.tel('bereik', 'intake', '-', s.aanmeldPartner, s.aangemeldOp);
      if (s.actiefOp) t.tel('bereik', 'actief', '-', s.aanmeldPartner, s.aangemeldOp);
    }
    if (s.uitval) t.tel('uitval', 'uitgevallen', s.uitval.reden, s.uitval.partner, s.uitval.datum);
    if (s.ladder) {
      const p = s.aanmeldPartner ?? s.regieOrganisatie;
      const verstreken = compareIsoDates(addMonths(s.ladder.eersteDatum, 12), vandaag) <= 0;
      if (s.ladder.gestegenOp || verstreken) {
        t.tel('ladder-stijging', 'noemer', '-', p, s.ladder.eersteDatum);
        if (s.ladder.gestegenOp) t.tel('ladder-stijging', 'teller', '-', p, s.ladder.eersteDatum);
      }
    }
    for (const [domein, z] of Object.entries(s.zrm)) {
      const p = s.coachOrganisatie ?? s.regieOrganisatie;
      t.tel('zrm-verbetering', 'noemer', domein, p, z.laatsteDatum);
      if (z.laatste > z.eerste) t.tel('zrm-verbetering', 'teller', domein, p, z.laatsteDatum);
    }
    for (const e of s.evaluaties) {
      t.tel('evaluaties-op-tijd', 'noemer', '-', e.partner, e.datum);
      if (e.opTijd) t.tel('evaluaties-op-tijd', 'teller', '-', e.partner, e.datum);
    }
    const lopend = s.aangemeldOp !== undefined && !s.uitval && !s.afgeslotenOp;
    if (lopend && s.coach && s.coachOrganisatie) {
      const key = `${s.coachOrganisatie}|${s.coach}`;
      const c = caseload.get(key) ?? { partner: s.coachOrganisatie, n: 0 };
      c.n += 1;
      caseload.set(key, c);
    }
  }
  for (const c of caseload.values()) t.tel('caseload', 'professionals', caseloadKlasse(c.n), c.partner, vandaag);
  for (const f of bron.toestemmingen ?? []) {
    const soort = f.soort === 'toestemming.gegeven' ? 'gegeven' : f.soort === 'toestemming.ingetrokken' ? 'ingetrokken' : undefined;
    const organisatie = typeof f.data['organisatie'] === 'string' ? f.data['organisatie'] : undefined;
    if (soort) t.tel('toestemmingen', soort, '-', organisatie, f.datum);
  }
  for (const o of bron.overdrachten ?? []) {
    if (o.aangevraagdOp) t.tel('overdrachten-binnen-termijn', 'aangevraagd', '-', o.ontvanger, o.aangevraagdOp);
    if (!o.uitkomst || !o.uitkomstOp) continue;
    if (o.uitkomst === 'ingetrokken') {
      t.tel('overdrachten-binnen-termijn', 'ingetrokken', '-', o.ontvanger, o.uitkomstOp);
      continue;
    }
    t.tel('overdrachten-binnen-termijn', 'noemer', '-', o.ontvanger, o.uitkomstOp);
    if (o.uitkomst === 'geaccepteerd' && o.binnenTermijn) t.tel('overdrachten-binnen-termijn', 'teller', '-', o.ontvanger, o.uitkomstOp);
    if (o.uitkomst === 'geaccepteerd' && o.werkdagenTotAcceptatie !== undefined)
      t.tel('overdracht-doorlooptijd', 'geaccepteerd', '-', o.ontvanger, o.uitkomstOp, o.werkdagenTotAcceptatie);
  }
  for (const v of bron.verwijzingen ?? []) t.tel('verwijzingen', 'verwijzingen', v.uitkomst, v.ontvanger, v.datum);
  for (const p of bron.plaatsingen ?? []) {
    if (p.gestartOp) t.tel('plaatsingen', 'gestart', '-', p.werkgever, p.gestartOp);
    if (p.proefplaatsingOp && (p.contractOp || p.teruggeleid)) {
      t.tel('plaatsingen', 'noemer', 'proef-naar-contract', p.werkgever, p.proefplaatsingOp);
      if (p.contractOp) t.tel('plaatsingen', 'teller', 'proef-naar-contract', p.werkgever, p.proefplaatsingOp);
    }
    if (p.contractOp) {
      for (const n of DUURZAAMHEID_MAANDEN) {
        const inDienst = p.inDienstBij.includes(n);
        if (inDienst || (p.teruggeleid && compareIsoDates(p.teruggeleid.datum, p.contractOp) >= 0)) {
          t.tel('plaatsingen', 'noemer', `duurzaam-${n}`, p.werkgever, p.contractOp);
          if (inDienst) t.tel('plaatsingen', 'teller', `duurzaam-${n}`, p.werkgever, p.contractOp);
        }
      }
    }
    if (p.teruggeleid) {
      t.tel('plaatsingen', 'teruggeleid', p.teruggeleid.reden, p.werkgever, p.teruggeleid.datum);
      const duur = plaatsingDuur(p);
      if (duur !== undefined) t.tel('plaatsingen', 'duur', '-', p.werkgever, p.teruggeleid.datum, duur);
    }
  }
  return t.lijst();
}
