import { addMonths, compareIsoDates, type IsoDate } from '@ketenregie/shared-kernel';
import type { IndicatorCode } from './indicator-definities';
import { caseloadKlasse, maandVan, type Basiscel } from './indicatoren';
import type { Feit, TrajectStand } from './traject-stand';

/**
 * A stored cell of the projection: a count kept up to date per fact, so that a request for the
 * indicators reads a few thousand cells instead of every traject stand. The sum over every stand
 * of {@link cellenVanStand} (plus {@link cellenVanFeit} over the consent facts) is what the
 * projection stores; {@link basiscellenUitProjectie} turns it into the base cells
 * `berekenBasiscellen` computes from the stands themselves.
 *
 * Two measures do not yet depend on `vandaag` here: the ladder cohort (`gestegen`, or
 * `niet-gestegen` with the day of the first score, counted in the noemer once its 12 months have
 * passed) and the caseload (`lopend` trajecten per coach, classed when read). Internal only: a
 * stored cell is never released as such (the coach is an opaque id of a professional).
 */
export interface ProjectieCel {
  readonly indicator: IndicatorCode;
  readonly meting: string;
  readonly categorie: string;
  readonly partner: string;
  /** `YYYY-MM`, or `''` for the caseload (a current stand). */
  readonly maand: string;
  /** The day of the first ladder score for `niet-gestegen`, else `''`. */
  readonly dag: string;
  /** The traject's programme (`''`: none, and for consents), so that a pilot reads its own trajecten only. */
  readonly programma: string;
  /** A count; in a mutation a change (negative: a stand no longer counted there). */
  readonly aantal: number;
}

type Sleutel = Omit<ProjectieCel, 'aantal'>;

/** The key of a stored cell (its identity in the store). */
export const projectieCelSleutel = (c: Sleutel): string => [c.indicator, c.meting, c.categorie, c.partner, c.maand, c.dag, c.programma].join('\u0000');

/** The cells one traject stand counts in (pure): the same rules as `berekenBasiscellen`. */
export function cellenVanStand(s: TrajectStand): ProjectieCel[] {
  const uit: ProjectieCel[] = [];
  const programma = s.programma ?? '';
  const tel = (indicator: IndicatorCode, meting: string, categorie: string, partner: string | undefined, maand: string, dag = '') =>
    uit.push({ indicator, meting, categorie, partner: partner ?? 'onbekend', maand, dag, programma, aantal: 1 });
  if (s.aangemeldOp) {
    const m = maandVan(s.aangemeldOp);
    tel('bereik', 'aangemeld', '-', s.aanmeldPartner, m);
    if (s.bereiktOp) tel('bereik', 'bereikt', '-', s.aanmeldPartner, m);
    if (s.intakeOp) tel('bereik', 'intake', '-', s.aanmeldPartner, m);
    if (s.actiefOp) tel('bereik', 'actief', '-', s.aanmeldPartner, m);
  }
  if (s.uitval) tel('uitval', 'uitgevallen', s.uitval.reden, s.uitval.partner, maandVan(s.uitval.datum));
  if (s.ladder) {
    const p = s.aanmeldPartner ?? s.regieOrganisatie;
    if (s.ladder.gestegenOp) tel('ladder-stijging', 'gestegen', '-', p, maandVan(s.ladder.eersteDatum));
    else tel('ladder-stijging', 'niet-gestegen', '-', p, maandVan(s.ladder.eersteDatum), s.ladder.eersteDatum);
  }
  for (const [domein, z] of Object.entries(s.zrm)) {
    const p = s.coachOrganisatie ?? s.regieOrganisatie;
    tel('zrm-verbetering', 'noemer', domein, p, maandVan(z.laatsteDatum));
    if (z.laatste > z.eerste) tel('zrm-verbetering', 'teller', domein, p, maandVan(z.laatsteDatum));
  }
  for (const e of s.evaluaties) {
    tel('evaluaties-op-tijd', 'noemer', '-', e.partner, maandVan(e.datum));
    if (e.opTijd) tel('evaluaties-op-tijd', 'teller', '-', e.partner, maandVan(e.datum));
  }
  const lopend = s.aangemeldOp !== undefined && !s.uitval && !s.afgeslotenOp;
  if (lopend && s.coach && s.coachOrganisatie) tel('caseload', 'lopend', s.coach, s.coachOrganisatie, '');
  return uit;
}

/** The cell a consent fact counts in (pure), or none for any other fact. */
export function cellenVanFeit(f: Feit): ProjectieCel[] {
  const meting = f.soort === 'toestemming.gegeven' ? 'gegeven' : f.soort === 'toestemming.ingetrokken' ? 'ingetrokken' : undefined;
  if (!meting) return [];
  const organisatie = typeof f.data['organisatie'] === 'string' ? f.data['organisatie'] : 'onbekend';
  return [{ indicator: 'toestemmingen', meting, categorie: '-', partner: organisatie, maand: maandVan(f.datum), dag: '', programma: '', aantal: 1 }];
}

/** Adds cells up by key, dropping what sums to 0 (pure). */
export function somCellen(cellen: Iterable<ProjectieCel>): ProjectieCel[] {
  const som = new Map<string, ProjectieCel>();
  for (const c of cellen) {
    const k = projectieCelSleutel(c);
    const x = som.get(k);
    som.set(k, x ? { ...x, aantal: x.aantal + c.aantal } : c);
  }
  return [...som.values()].filter((c) => c.aantal !== 0);
}

/**
 * The change to the stored cells when a traject's stand goes from `oud` (undefined: a new
 * traject) to `nieuw` (pure): +1 where the new stand counts, −1 where the old one did, netted.
 */
export function celMutaties(oud: TrajectStand | undefined, nieuw: TrajectStand): ProjectieCel[] {
  const weg = oud ? cellenVanStand(oud).map((c) => ({ ...c, aantal: -c.aantal })) : [];
  return somCellen([...weg, ...cellenVanStand(nieuw)]);
}

/**
 * The base cells as of `vandaag` from the stored cells (pure): equal to `berekenBasiscellen`
 * over the stands and consent facts they were counted from. Ladder: `noemer` = risen, plus not
 * risen whose 12 months have passed; caseload: professionals per class of running trajecten in
 * the month of `vandaag`.
 */
export function basiscellenUitProjectie(cellen: Iterable<ProjectieCel>, vandaag: IsoDate): Basiscel[] {
  const som = new Map<string, Basiscel>();
  const tel = (indicator: IndicatorCode, meting: string, categorie: string, partner: string, maand: string, aantal: number) => {
    if (aantal <= 0) return;
    const k = [indicator, meting, categorie, partner, maand].join('\u0000');
    const x = som.get(k);
    som.set(k, { indicator, meting, categorie, partner, maand, aantal: (x?.aantal ?? 0) + aantal });
  };
  const perCoach = new Map<string, { partner: string; n: number }>();
  for (const c of cellen) {
    if (c.indicator === 'ladder-stijging') {
      if (c.meting === 'gestegen') {
        tel(c.indicator, 'noemer', c.categorie, c.partner, c.maand, c.aantal);
        tel(c.indicator, 'teller', c.categorie, c.partner, c.maand, c.aantal);
      } else if (compareIsoDates(addMonths(c.dag, 12), vandaag) <= 0) tel(c.indicator, 'noemer', c.categorie, c.partner, c.maand, c.aantal);
    } else if (c.indicator === 'caseload') {
      const k = `${c.partner}\u0000${c.categorie}`;
      const x = perCoach.get(k) ?? { partner: c.partner, n: 0 };
      x.n += c.aantal;
      perCoach.set(k, x);
    } else tel(c.indicator, c.meting, c.categorie, c.partner, c.maand, c.aantal);
  }
  for (const x of perCoach.values()) if (x.n > 0) tel('caseload', 'professionals', caseloadKlasse(x.n), x.partner, maandVan(vandaag), 1);
  return [...som.values()];
}
