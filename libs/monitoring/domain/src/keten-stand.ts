import { daysBetween, workingDaysBetween, type IsoDate } from '@ketenregie/shared-kernel';
import type { Feit } from './traject-stand';

/**
 * Handovers, referrals and placements as monitoring sees them, folded from the facts of the
 * exchange and plaatsing feeds (pure). The facts are the source: a rebuild folds them again.
 * Only organisation ids and codes; the subject is an opaque id.
 */

/** A handover as monitoring sees it (from the exchange context's events). */
export interface OverdrachtStand {
  readonly ontvanger: string;
  readonly aangevraagdOp?: IsoDate;
  /** Absent while the handover awaits its answer. `ingetrokken`: ended before the receiver answered (cancelled, consent refused or withdrawn). */
  readonly uitkomst?: 'geaccepteerd' | 'afgewezen' | 'verlopen' | 'ingetrokken';
  readonly uitkomstOp?: IsoDate;
  readonly binnenTermijn: boolean;
  /** Working days from request to acceptance (kernel calendar), for accepted ones. */
  readonly werkdagenTotAcceptatie?: number;
}

/** A referral outcome as monitoring sees it: one per referral and outcome reached. */
export interface VerwijzingStand {
  readonly ontvanger: string;
  readonly uitkomst: string;
  readonly datum: IsoDate;
}

/** A placement as monitoring sees it. */
export interface PlaatsingStand {
  readonly werkgever: string;
  readonly gestartOp?: IsoDate;
  readonly proefplaatsingOp?: IsoDate;
  readonly contractOp?: IsoDate;
  /** Months of each lasting-placement check passed in service (6, 12). */
  readonly inDienstBij: readonly number[];
  readonly teruggeleid?: { readonly datum: IsoDate; readonly reden: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Ends of a handover before the receiver answered. */
const INGETROKKEN = new Set(['geannuleerd', 'toestemming-geweigerd', 'toestemming-ingetrokken', 'toestemming-verlopen', 'niets-vrijgegeven']);

type OverdrachtWerk = OverdrachtStand & { readonly geescaleerd: boolean };

/** Applies one handover fact (`overdracht.*`) to its stand. An acceptance after the acceptance term's escalation is not within the term. */
export function pasOverdrachtToe(stand: OverdrachtWerk | undefined, f: Feit): OverdrachtWerk {
  const s: OverdrachtWerk = {
    ...(stand ?? { binnenTermijn: false, geescaleerd: false }),
    ontvanger: str(f.data['ontvanger']) ?? stand?.ontvanger ?? 'onbekend',
  };
  switch (f.soort) {
    case 'overdracht.aangevraagd':
      return { ...s, aangevraagdOp: f.datum };
    case 'overdracht.dossier-geleverd':
      return { ...s, geescaleerd: false };
    case 'overdracht.acceptatie-geescaleerd':
      return { ...s, geescaleerd: true };
    case 'overdracht.geaccepteerd':
      return {
        ...s,
        uitkomst: 'geaccepteerd',
        uitkomstOp: f.datum,
        binnenTermijn: !s.geescaleerd,
        ...(s.aangevraagdOp ? { werkdagenTotAcceptatie: workingDaysBetween(s.aangevraagdOp, f.datum) } : {}),
      };
    case 'overdracht.afgewezen':
      return { ...s, uitkomst: 'afgewezen', uitkomstOp: f.datum, binnenTermijn: false };
    case 'overdracht.heraangeboden': {
      const { uitkomst: _u, uitkomstOp: _o, ...rest } = s;
      return { ...rest, binnenTermijn: false, geescaleerd: false };
    }
    case 'overdracht.beeindigd': {
      if (s.uitkomst) return s;
      const status = str(f.data['status']);
      if (status === 'ontvanger-onbereikbaar') return { ...s, uitkomst: 'verlopen', uitkomstOp: f.datum, binnenTermijn: false };
      if (status && INGETROKKEN.has(status)) return { ...s, uitkomst: 'ingetrokken', uitkomstOp: f.datum, binnenTermijn: false };
      return s;
    }
    default:
      return s;
  }
}

/** Every handover's stand from the facts in order of receipt (pure). */
export function overdrachtStanden(feiten: Iterable<Feit>): OverdrachtStand[] {
  const m = new Map<string, OverdrachtWerk>();
  for (const f of feiten) if (f.soort.startsWith('overdracht.')) m.set(f.onderwerp, pasOverdrachtToe(m.get(f.onderwerp), f));
  return [...m.values()].map(({ geescaleerd: _g, ...s }) => s);
}

/** The outcome code of a referral status (a GGZ treatment's masked statuses map to the same codes). */
export function verwijzingUitkomst(status: string, eindreden?: string): string | undefined {
  switch (status) {
    case 'aangemeld':
    case 'geaccepteerd':
      return status;
    case 'gestart':
    case 'in-behandeling':
      return 'gestart';
    case 'afgewezen':
    case 'niet-gestart':
      return 'afgewezen';
    case 'afgerond':
      return 'afgerond';
    case 'beeindigd':
      return eindreden === undefined || eindreden === 'doel-bereikt' ? 'afgerond' : 'gestopt';
    default:
      return undefined;
  }
}

/** Every referral outcome, once per referral and outcome, from the facts in order of receipt (pure). */
export function verwijzingStanden(feiten: Iterable<Feit>): VerwijzingStand[] {
  const gezien = new Map<string, VerwijzingStand>();
  for (const f of feiten) {
    if (!f.soort.startsWith('verwijzing.')) continue;
    const uitkomst = verwijzingUitkomst(str(f.data['status']) ?? '', str(f.data['eindreden']));
    if (!uitkomst) continue;
    const k = `${f.onderwerp}|${uitkomst}`;
    if (!gezien.has(k)) gezien.set(k, { ontvanger: str(f.data['ontvanger']) ?? 'onbekend', uitkomst, datum: f.datum });
  }
  return [...gezien.values()];
}

/** Applies one placement fact (`plaatsing.*`) to its stand. */
export function pasPlaatsingToe(stand: PlaatsingStand | undefined, f: Feit): PlaatsingStand {
  const s: PlaatsingStand = { ...(stand ?? { inDienstBij: [] }), werkgever: str(f.data['werkgever']) ?? stand?.werkgever ?? 'onbekend' };
  switch (f.soort) {
    case 'plaatsing.gestart':
      return { ...s, gestartOp: f.datum };
    case 'plaatsing.proefplaatsing-gestart':
      return { ...s, proefplaatsingOp: s.proefplaatsingOp ?? f.datum };
    case 'plaatsing.contract-getekend':
      return { ...s, contractOp: s.contractOp ?? f.datum };
    case 'plaatsing.duurzaamheidscheck': {
      const maanden = f.data['maanden'];
      return typeof maanden === 'number' && !s.inDienstBij.includes(maanden) ? { ...s, inDienstBij: [...s.inDienstBij, maanden] } : s;
    }
    case 'plaatsing.teruggeleid':
      return { ...s, teruggeleid: { datum: f.datum, reden: str(f.data['reden']) ?? 'onbekend' } };
    default:
      return s;
  }
}

/** Every placement's stand from the facts in order of receipt (pure). */
export function plaatsingStanden(feiten: Iterable<Feit>): PlaatsingStand[] {
  const m = new Map<string, PlaatsingStand>();
  for (const f of feiten) if (f.soort.startsWith('plaatsing.')) m.set(f.onderwerp, pasPlaatsingToe(m.get(f.onderwerp), f));
  return [...m.values()];
}

/** Days a placement lasted until its return to the traject (undefined while it runs or when its start is unknown). */
export const plaatsingDuur = (p: PlaatsingStand): number | undefined =>
  p.gestartOp && p.teruggeleid ? daysBetween(p.gestartOp, p.teruggeleid.datum) : undefined;
