import { addDays, addWorkingDays, type IsoDate } from '@ketenregie/shared-kernel';
import type { PlaatsingOverzicht } from './overzicht';
import type { PlaatsingActie, TaakOnderwerp, Wie } from './plaatsing';

/** A task the placement put on a list (`plaatsing.taak`), as stored. */
export interface OpgeslagenTaak {
  readonly sleutel: string;
  readonly voor: Wie;
  readonly onderwerp: TaakOnderwerp;
  readonly vervalt: IsoDate;
}

/**
 * One entry of a professional's task list from a placement: an open or overdue task, or a
 * deadline of the placement that is theirs and has no task yet (`gepland`: the next check-in,
 * the 6- and 12-month checks, the end of the proefplaatsing).
 */
export interface PlaatsingTaakRegel {
  readonly plaatsingId: string;
  readonly trajectId: string;
  /** The task's key, or `termijn:<soort>:<datum>` for a planned deadline. */
  readonly taakId: string;
  readonly soort: TaakOnderwerp;
  readonly voor: Wie;
  readonly vervalt: IsoDate;
  readonly status: 'open' | 'verlopen' | 'gepland';
}

/** The parts a professional plays in a placement: its jobcoach, the traject's coach, the regievoerder (who takes the gemeente's decisions). */
export function rollenIn(o: PlaatsingOverzicht, organisatie: string, professional: string): Wie[] {
  const is = (p: PlaatsingOverzicht['coach']) => p.organisatieId === organisatie && p.professional === professional;
  return [
    ...(is(o.jobcoach) ? (['jobcoach'] as const) : []),
    ...(is(o.coach) ? (['coach'] as const) : []),
    ...(is(o.regievoerder) ? (['gemeente'] as const) : []),
  ];
}

const isLopend = (o: PlaatsingOverzicht) => o.fase !== 'duurzaam' && o.fase !== 'teruggeleid';

/**
 * Whether a stored task still asks for something, judged from the placement's overview: the
 * evaluation while the proefplaatsing runs, a re-assessment until the next one is scheduled after
 * it, a check-in until one is recorded since its reminder; a refused warm return stays until the
 * regievoerder has arranged the return by hand. Every other task of a running placement stays
 * until a newer one of its kind replaces it; an ended placement asks for nothing else.
 */
function vraagtNog(o: PlaatsingOverzicht, t: OpgeslagenTaak): boolean {
  if (t.onderwerp === 'terugleiding-geweigerd') return true;
  if (!isLopend(o)) return false;
  switch (t.onderwerp) {
    case 'evaluatie-proefplaatsing':
      return o.fase === 'proefplaatsing';
    case 'herbeoordeling-subsidie':
      return o.subsidie !== undefined && o.subsidie.volgendeHerbeoordeling <= t.vervalt;
    case 'checkin':
      // The reminder came at most 5 working days (at most 9 calendar days) before its due date.
      return !o.laatsteCheckin || o.laatsteCheckin < addDays(t.vervalt, -14);
    default:
      return true;
  }
}

/**
 * A professional's entries from one placement, for the parts they play (`rollen`): the latest
 * task of each kind that still asks for something (overdue when its date passed), then the
 * placement's deadlines for those parts that have no task (yet). Pure.
 */
export function plaatsingTaken(o: PlaatsingOverzicht, taken: readonly OpgeslagenTaak[], rollen: readonly Wie[], vandaag: IsoDate): PlaatsingTaakRegel[] {
  const laatste = new Map<string, OpgeslagenTaak>();
  for (const t of taken) {
    if (!rollen.includes(t.voor)) continue;
    const k = `${t.voor}/${t.onderwerp}`;
    const eerder = laatste.get(k);
    if (!eerder || eerder.vervalt < t.vervalt || (eerder.vervalt === t.vervalt && eerder.sleutel < t.sleutel)) laatste.set(k, t);
  }
  const basis = { plaatsingId: o.plaatsingId, trajectId: o.trajectId };
  const open: PlaatsingTaakRegel[] = [...laatste.values()]
    .filter((t) => vraagtNog(o, t))
    .map((t) => ({ ...basis, taakId: t.sleutel, soort: t.onderwerp, voor: t.voor, vervalt: t.vervalt, status: t.vervalt < vandaag ? 'verlopen' : 'open' }));
  const bekend = new Set(open.map((t) => `${t.voor}/${t.soort}`));
  const gepland: PlaatsingTaakRegel[] = o.termijnen.flatMap((t) =>
    t.wie
      .filter((w) => rollen.includes(w) && !bekend.has(`${w}/${t.soort}`))
      .map((w) => ({ ...basis, taakId: `termijn:${t.soort}:${t.datum}`, soort: t.soort, voor: w, vervalt: t.datum, status: 'gepland' as const })),
  );
  return [...open, ...gepland];
}

/**
 * The task a warm return exchange-service refused puts on the regievoerder's list (timeline entry
 * `nr` records the refusal): arrange the deelnemer's return by hand, within two working days.
 */
export function geweigerdeTerugleidingTaak(nr: number, datum: IsoDate): Extract<PlaatsingActie, { soort: 'taak' }> {
  return { soort: 'taak', id: `t${nr}-terugleiding`, voor: 'gemeente', onderwerp: 'terugleiding-geweigerd', vervalt: addWorkingDays(datum, 2) };
}
