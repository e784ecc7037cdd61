import type { IsoDate } from '@ketenregie/shared-kernel';
import { overgangOngeldig } from './exchange.errors';

/** The states of a warm handover, in the order a successful one passes them. */
export const LOPENDE_STATUSSEN = [
  'aangevraagd',
  'toestemming-nodig',
  'toestemming-gevraagd',
  'dossier-geleverd',
  'geaccepteerd',
  'afgewezen',
  'driegesprek-gepland',
  'driegesprek-gehouden',
  'nazorg-volgperiode',
] as const;

/**
 * The defined end states. `regie-overgedragen` is the successful one; each other one names why
 * the handover stopped, so the regievoerder always sees a reason. A consent the deelnemer
 * withdrew (`toestemming-ingetrokken`) and one whose term ran out (`toestemming-verlopen`) both
 * stop the disclosure at once, but ask different things of the sender: respect the refusal, or
 * renew the consent. `ontvanger-onbereikbaar`: the acceptance term ran out without an answer,
 * or the receiver's webhook kept refusing the handover's notifications. `niets-vrijgegeven`: the
 * consent decision permitted no field at all for this receiver (e.g. health data to a
 * werkgever), so nothing went out and the receiver was never told of the handover.
 */
export const EINDSTATUSSEN = [
  'regie-overgedragen',
  'toestemming-geweigerd',
  'niets-vrijgegeven',
  'toestemming-ingetrokken',
  'toestemming-verlopen',
  'geannuleerd',
  'ontvanger-onbereikbaar',
  'tweemaal-afgewezen',
] as const;

export type LopendeStatus = (typeof LOPENDE_STATUSSEN)[number];
export type Eindstatus = (typeof EINDSTATUSSEN)[number];
/** Any state of an overdracht. */
export type OverdrachtStatus = LopendeStatus | Eindstatus;

export const OVERDRACHT_STATUSSEN: readonly OverdrachtStatus[] = [...LOPENDE_STATUSSEN, ...EINDSTATUSSEN];

/** Coded reasons a receiver gives when it rejects a handover. */
export const AFWIJZING_REDENEN = ['geen-capaciteit', 'buiten-doelgroep', 'andere-partner-passender', 'onvoldoende-informatie', 'overig'] as const;
export type AfwijzingReden = (typeof AFWIJZING_REDENEN)[number];

/** Who missed the driegesprek. */
export type Deelnemende = 'deelnemer' | 'zender' | 'ontvanger';

/** A step in the life of an overdracht: what happened, never derived from a clock. */
export type OverdrachtStap =
  | { readonly soort: 'besluit'; readonly uitkomst: 'toegestaan' | 'toestemming-nodig' }
  | { readonly soort: 'toestemming-gevraagd' }
  | { readonly soort: 'toestemming-geweigerd' }
  | { readonly soort: 'niets-vrijgegeven' }
  | { readonly soort: 'dossier-geleverd'; readonly op: IsoDate }
  | { readonly soort: 'acceptatie'; readonly door: string; readonly op: IsoDate }
  | { readonly soort: 'afwijzing'; readonly reden: AfwijzingReden; readonly advies: string; readonly op: IsoDate }
  | { readonly soort: 'opnieuw-aanbieden' }
  | { readonly soort: 'driegesprek-gepland'; readonly datum: IsoDate }
  | { readonly soort: 'driegesprek-gehouden'; readonly op: IsoDate }
  | { readonly soort: 'driegesprek-no-show'; readonly wie: Deelnemende }
  | { readonly soort: 'nazorg-gestart' }
  | { readonly soort: 'nazorg-checkin'; readonly op: IsoDate }
  | { readonly soort: 'regie-overgedragen'; readonly op: IsoDate }
  | { readonly soort: 'toestemming-ingetrokken' }
  | { readonly soort: 'toestemming-verlopen' }
  | { readonly soort: 'geannuleerd' }
  | { readonly soort: 'ontvanger-onbereikbaar' };

/** The soort of an {@link OverdrachtStap}. */
export type OverdrachtStapSoort = OverdrachtStap['soort'];

/** A rejection with its reason and the receiver's advice back to the sender. */
export interface Afwijzing {
  readonly reden: AfwijzingReden;
  readonly advies: string;
  readonly op: IsoDate;
}

/** Everything the rules need to know about one overdracht. */
export interface OverdrachtToestand {
  readonly status: OverdrachtStatus;
  readonly geleverdOp?: IsoDate;
  readonly acceptatie?: { readonly door: string; readonly op: IsoDate };
  readonly afwijzingen: readonly Afwijzing[];
  readonly driegesprek?: IsoDate;
  readonly noShows: number;
  readonly driegesprekGehoudenOp?: IsoDate;
  readonly checkins: readonly IsoDate[];
  readonly overgedragenOp?: IsoDate;
}

/** A new overdracht, just requested by the sending professional. */
export const NIEUWE_OVERDRACHT: OverdrachtToestand = Object.freeze({ status: 'aangevraagd', afwijzingen: [], noShows: 0, checkins: [] });

/** True for the defined end states. */
export function isEindstatus(status: OverdrachtStatus): status is Eindstatus {
  return (EINDSTATUSSEN as readonly string[]).includes(status);
}

/** States in which the receiver may read the dossier (delivered, not withdrawn, not rejected). */
export const DOSSIER_LEESBAAR_IN: readonly OverdrachtStatus[] = [
  'dossier-geleverd',
  'geaccepteerd',
  'driegesprek-gepland',
  'driegesprek-gehouden',
  'nazorg-volgperiode',
  'regie-overgedragen',
];

/** True when the receiver may read the dossier in `status`. */
export function dossierLeesbaar(status: OverdrachtStatus): boolean {
  return DOSSIER_LEESBAAR_IN.includes(status);
}

/** Whose move it is: what the partner inbox and the regievoerder show. */
export function aanZet(status: OverdrachtStatus): 'zender' | 'ontvanger' | 'beiden' | 'niemand' {
  switch (status) {
    case 'aangevraagd':
    case 'toestemming-nodig':
    case 'toestemming-gevraagd':
    case 'afgewezen':
      return 'zender';
    case 'dossier-geleverd':
    case 'geaccepteerd':
      return 'ontvanger';
    case 'driegesprek-gepland':
    case 'driegesprek-gehouden':
    case 'nazorg-volgperiode':
      return 'beiden';
    default:
      return 'niemand';
  }
}

const VOOR_LEVERING: readonly OverdrachtStatus[] = ['aangevraagd', 'toestemming-nodig', 'toestemming-gevraagd'];

/**
 * Applies one step. Pure: the same state and step always give the same result.
 * @throws PreconditionError `EXCHANGE.OVERGANG_ONGELDIG` when the step is not allowed in the
 * current state (every end state refuses every step).
 */
export function volgendeToestand(t: OverdrachtToestand, stap: OverdrachtStap): OverdrachtToestand {
  const fout = () => overgangOngeldig(t.status, stap.soort);
  if (isEindstatus(t.status)) throw fout();
  const in_ = (...statussen: OverdrachtStatus[]) => statussen.includes(t.status);
  switch (stap.soort) {
    case 'besluit':
      if (!VOOR_LEVERING.includes(t.status)) throw fout();
      if (stap.uitkomst === 'toegestaan') return t;
      return t.status === 'aangevraagd' ? { ...t, status: 'toestemming-nodig' } : t;
    case 'toestemming-gevraagd':
      if (!in_('toestemming-nodig', 'toestemming-gevraagd')) throw fout();
      return { ...t, status: 'toestemming-gevraagd' };
    case 'toestemming-geweigerd':
      if (!in_('toestemming-nodig', 'toestemming-gevraagd')) throw fout();
      return { ...t, status: 'toestemming-geweigerd' };
    case 'niets-vrijgegeven':
      if (!VOOR_LEVERING.includes(t.status)) throw fout();
      return { ...t, status: 'niets-vrijgegeven' };
    case 'dossier-geleverd':
      if (!VOOR_LEVERING.includes(t.status)) throw fout();
      return { ...t, status: 'dossier-geleverd', geleverdOp: stap.op };
    case 'acceptatie':
      if (!in_('dossier-geleverd')) throw fout();
      return { ...t, status: 'geaccepteerd', acceptatie: { door: stap.door, op: stap.op } };
    case 'afwijzing': {
      if (!in_('dossier-geleverd')) throw fout();
      const afwijzingen = [...t.afwijzingen, { reden: stap.reden, advies: stap.advies, op: stap.op }];
      return { ...t, status: afwijzingen.length >= 2 ? 'tweemaal-afgewezen' : 'afgewezen', afwijzingen };
    }
    case 'opnieuw-aanbieden':
      if (!in_('afgewezen')) throw fout();
      return { ...t, status: 'aangevraagd' };
    case 'driegesprek-gepland':
      if (!in_('geaccepteerd', 'driegesprek-gepland')) throw fout();
      return { ...t, status: 'driegesprek-gepland', driegesprek: stap.datum };
    case 'driegesprek-gehouden':
      if (!in_('driegesprek-gepland')) throw fout();
      return { ...t, status: 'driegesprek-gehouden', driegesprekGehoudenOp: stap.op };
    case 'driegesprek-no-show':
      // A no-show never ends the handover: the meeting is planned again.
      if (!in_('driegesprek-gepland')) throw fout();
      return { ...t, status: 'geaccepteerd', driegesprek: undefined, noShows: t.noShows + 1 };
    case 'nazorg-gestart':
      if (!in_('driegesprek-gehouden')) throw fout();
      return { ...t, status: 'nazorg-volgperiode' };
    case 'nazorg-checkin':
      if (!in_('nazorg-volgperiode')) throw fout();
      return { ...t, checkins: [...t.checkins, stap.op] };
    case 'regie-overgedragen':
      if (!in_('nazorg-volgperiode')) throw fout();
      return { ...t, status: 'regie-overgedragen', overgedragenOp: stap.op };
    case 'toestemming-ingetrokken':
      return { ...t, status: 'toestemming-ingetrokken' };
    case 'toestemming-verlopen':
      return { ...t, status: 'toestemming-verlopen' };
    case 'geannuleerd':
      return { ...t, status: 'geannuleerd' };
    case 'ontvanger-onbereikbaar':
      if (!in_('dossier-geleverd')) throw fout();
      return { ...t, status: 'ontvanger-onbereikbaar' };
  }
}

/** True when `stap` is allowed now (for update validators and API pre-checks). */
export function stapToegestaan(t: OverdrachtToestand, stap: OverdrachtStap): boolean {
  try {
    volgendeToestand(t, stap);
    return true;
  } catch {
    return false;
  }
}
