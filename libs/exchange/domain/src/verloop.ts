import type { IsoDate } from '@ketenregie/shared-kernel';
import type { BesluitUitkomst } from './besluit';
import { type Deelnemende, type OverdrachtStap, type OverdrachtStatus, type OverdrachtToestand } from './overdracht';
import { acceptatieTermijn, nazorgCheckins, onbereikbaarOp, type OverdrachtInstellingen, type Termijn, toestemmingTermijn } from './termijnen';

/**
 * The decisions of the overdracht workflow's run, pure: which term runs and what is due next on
 * it (reminder, escalation, unreachable), what a consent decision means for the handover, which
 * follow-up check-in comes next and how the handover is closed. The workflow keeps the state,
 * waits and calls the activities; these functions decide.
 */

/** Who has something to do: the sender, the receiver, or the regievoerder. */
export type TaakVoor = 'zender' | 'ontvanger' | 'regievoerder';

/** A task on someone's list (sender, receiver, or the regievoerder). */
export interface OverdrachtTaak {
  readonly voor: TaakVoor;
  readonly soort:
    | 'toestemming-verkrijgen'
    | 'toestemming-herinnering'
    | 'toestemming-escalatie'
    | 'acceptatie-herinnering'
    | 'acceptatie-escalatie'
    | 'afwijzing-opvolgen'
    | 'driegesprek-plannen'
    | 'nazorg-checkin'
    | 'overdracht-beeindigd';
  readonly vervalt?: IsoDate;
}

/** The name of a handover event (the part after `nl.ketenregie.overdracht.` of its CloudEvents type). */
export type OverdrachtGebeurtenisNaam =
  | 'aangevraagd'
  | 'toestemming-nodig'
  | 'toestemming-herinnering'
  | 'toestemming-geescaleerd'
  | 'dossier-geleverd'
  | 'acceptatie-herinnering'
  | 'acceptatie-geescaleerd'
  | 'driegesprek-gehouden'
  | 'nazorg-checkin'
  | 'dossier-ingetrokken'
  | 'regie-overgedragen'
  | 'beeindigd';

/** What the workflow records for a step: the event, the task if any, and codes for the event's data. */
export interface Melding {
  readonly gebeurtenis: OverdrachtGebeurtenisNaam;
  readonly taak?: OverdrachtTaak;
  readonly gegevens?: Readonly<Record<string, string | number | boolean>>;
}

/** A running term: consent (the sender's) or acceptance (the receiver's). */
export type LopendeTermijn = Termijn & { readonly soort: 'toestemming' | 'acceptatie' };

/** The term being watched and how far its reminder and escalation went. */
export interface TermijnBewaking {
  /** Absent once the receiver accepted: nothing runs. */
  readonly termijn?: LopendeTermijn;
  readonly herinneringVerstuurd: boolean;
  readonly geescaleerd: boolean;
}

/** No term runs yet. */
export const GEEN_BEWAKING: TermijnBewaking = Object.freeze({ herinneringVerstuurd: false, geescaleerd: false });

/** A new term of `soort` that starts on `vanaf` (the day of the request or of the delivery). */
export function nieuweBewaking(soort: LopendeTermijn['soort'], vanaf: IsoDate, i: OverdrachtInstellingen): TermijnBewaking {
  const termijn = soort === 'toestemming' ? toestemmingTermijn(vanaf, i) : acceptatieTermijn(vanaf, i);
  return { termijn: { soort, ...termijn }, herinneringVerstuurd: false, geescaleerd: false };
}

/** What is due next on a term, and from which day. */
export interface Moment {
  readonly wat: 'herinnering' | 'escalatie' | 'onbereikbaar';
  readonly op: IsoDate;
}

/**
 * What is due next on the watched term: its reminder, then its escalation, then (an acceptance
 * term only) the day the receiver counts as unreachable. Undefined: nothing left to wait for but
 * an answer.
 */
export function volgendMoment(b: TermijnBewaking, i: OverdrachtInstellingen): Moment | undefined {
  if (!b.termijn) return undefined;
  if (!b.herinneringVerstuurd) return { wat: 'herinnering', op: b.termijn.herinnering };
  if (!b.geescaleerd) return { wat: 'escalatie', op: b.termijn.escalatie };
  return b.termijn.soort === 'acceptatie' ? { wat: 'onbereikbaar', op: onbereikbaarOp(b.termijn, i) } : undefined;
}

/**
 * What happens when a moment arrives without an answer: a reminder to whoever is at move (the
 * sender for consent, the receiver for acceptance), an escalation to the regievoerder, or the end
 * of the handover because the receiver did not answer.
 */
export function momentVerstreken(
  b: TermijnBewaking,
  wat: Moment['wat'],
): { readonly bewaking: TermijnBewaking; readonly melding?: Melding; readonly stap?: OverdrachtStap } {
  const termijn = b.termijn;
  if (!termijn) return { bewaking: b };
  switch (wat) {
    case 'herinnering':
      return {
        bewaking: { ...b, herinneringVerstuurd: true },
        melding: {
          gebeurtenis: termijn.soort === 'acceptatie' ? 'acceptatie-herinnering' : 'toestemming-herinnering',
          taak: {
            voor: termijn.soort === 'acceptatie' ? 'ontvanger' : 'zender',
            soort: termijn.soort === 'acceptatie' ? 'acceptatie-herinnering' : 'toestemming-herinnering',
            vervalt: termijn.uiterlijk,
          },
        },
      };
    case 'escalatie':
      return {
        bewaking: { ...b, geescaleerd: true },
        melding: {
          gebeurtenis: termijn.soort === 'acceptatie' ? 'acceptatie-geescaleerd' : 'toestemming-geescaleerd',
          taak: { voor: 'regievoerder', soort: termijn.soort === 'acceptatie' ? 'acceptatie-escalatie' : 'toestemming-escalatie' },
        },
      };
    case 'onbereikbaar':
      return { bewaking: b, stap: { soort: 'ontvanger-onbereikbaar' } };
  }
}

/** What a consent decision means for a handover in `status` (before delivery), decided on `vandaag`. */
export type BesluitGevolg =
  | {
      /** Consent is missing: the step, and on the first decision the consent term with the sender's task. */
      readonly soort: 'toestemming-nodig';
      readonly stap: OverdrachtStap;
      readonly bewaking?: TermijnBewaking;
      readonly melding?: Melding;
    }
  | {
      /** The decision permits no field at all (e.g. health data to a werkgever): nothing goes out and the receiver is never told. */
      readonly soort: 'niets-vrijgegeven';
      readonly stap: OverdrachtStap;
    }
  | {
      /** The dossier may go: after registering as dependant of the consents the release rests on (none: deliver at once). */
      readonly soort: 'leveren';
      readonly afhankelijkVan: readonly string[];
    };

/** See {@link BesluitGevolg}. */
export function besluitGevolg(status: OverdrachtStatus, besluit: BesluitUitkomst, vandaag: IsoDate, i: OverdrachtInstellingen): BesluitGevolg {
  if (besluit.uitkomst === 'toegestaan') {
    if (besluit.vrijgaven.length === 0) return { soort: 'niets-vrijgegeven', stap: { soort: 'niets-vrijgegeven' } };
    return { soort: 'leveren', afhankelijkVan: besluit.toestemmingen };
  }
  const stap: OverdrachtStap = { soort: 'besluit', uitkomst: 'toestemming-nodig' };
  if (status !== 'aangevraagd') return { soort: 'toestemming-nodig', stap };
  const bewaking = nieuweBewaking('toestemming', vandaag, i);
  return {
    soort: 'toestemming-nodig',
    stap,
    bewaking,
    melding: {
      gebeurtenis: 'toestemming-nodig',
      taak: { voor: 'zender', soort: 'toestemming-verkrijgen', ...(bewaking.termijn ? { vervalt: bewaking.termijn.uiterlijk } : {}) },
      gegevens: { ontbrekend: besluit.ontbrekend.join(',') },
    },
  };
}

/** The dossier reached the receiver on `vandaag`: the step, the acceptance term and the receiver's task. */
export function dossierGeleverd(
  categorieen: readonly string[],
  vandaag: IsoDate,
  i: OverdrachtInstellingen,
): { readonly stap: OverdrachtStap; readonly bewaking: TermijnBewaking; readonly melding: Melding } {
  const bewaking = nieuweBewaking('acceptatie', vandaag, i);
  return {
    stap: { soort: 'dossier-geleverd', op: vandaag },
    bewaking,
    melding: {
      gebeurtenis: 'dossier-geleverd',
      taak: { voor: 'ontvanger', soort: 'acceptatie-herinnering', ...(bewaking.termijn ? { vervalt: bewaking.termijn.uiterlijk } : {}) },
      gegevens: { categorieen: categorieen.join(',') },
    },
  };
}

/** The sender's report on consent as a step (`vastgelegd` is no step: it asks for a new decision). */
export function toestemmingStap(soort: 'gevraagd' | 'vastgelegd' | 'geweigerd'): OverdrachtStap {
  return soort === 'geweigerd'
    ? { soort: 'toestemming-geweigerd' }
    : soort === 'gevraagd'
      ? { soort: 'toestemming-gevraagd' }
      : { soort: 'besluit', uitkomst: 'toegestaan' };
}

/** The driegesprek's planning or outcome as a step, on `vandaag`. */
export function driegesprekStap(
  o: { readonly soort: 'gepland'; readonly datum: IsoDate } | { readonly soort: 'gehouden' } | { readonly soort: 'no-show'; readonly wie: Deelnemende },
  vandaag: IsoDate,
): OverdrachtStap {
  return o.soort === 'gepland'
    ? { soort: 'driegesprek-gepland', datum: o.datum }
    : o.soort === 'gehouden'
      ? { soort: 'driegesprek-gehouden', op: vandaag }
      : { soort: 'driegesprek-no-show', wie: o.wie };
}

/** The next follow-up check-in after the driegesprek, or the transfer of the lead when all were held. */
export function volgendeCheckin(
  t: OverdrachtToestand,
  vandaag: IsoDate,
  i: OverdrachtInstellingen,
): { readonly checkin: IsoDate } | { readonly stap: OverdrachtStap } {
  const volgende = nazorgCheckins(t.driegesprekGehoudenOp ?? vandaag, i)[t.checkins.length];
  return volgende === undefined ? { stap: { soort: 'regie-overgedragen', op: vandaag } } : { checkin: volgende };
}

/** What a handover that ended in `t.status` still has to do. */
export interface Afsluiting {
  /** Withdraw the delivered dossier, with this reason, and tell the receiver. */
  readonly intrekking?: { readonly reden: 'toestemming-ingetrokken' | 'toestemming-verlopen' | 'beeindigd'; readonly melding: Melding };
  /** Tell the traject its new lead (only when the lead transferred to a named professional). */
  readonly nieuweRegie?: { readonly regievoerderId: string; readonly organisatieId: string };
}

/**
 * How a handover closes: a dossier still with the receiver is withdrawn unless the lead
 * transferred; the traject hears of a transferred lead.
 */
export function afsluiting(
  t: OverdrachtToestand,
  dossierBijOntvanger: boolean,
  nieuweRegievoerder: string | undefined,
  ontvangerOrganisatie: string,
): Afsluiting {
  const intrekking =
    dossierBijOntvanger && t.status !== 'regie-overgedragen'
      ? {
          reden: t.status === 'toestemming-ingetrokken' || t.status === 'toestemming-verlopen' ? t.status : ('beeindigd' as const),
          melding: {
            gebeurtenis: 'dossier-ingetrokken' as const,
            taak: { voor: 'ontvanger' as const, soort: 'overdracht-beeindigd' as const },
            gegevens: { reden: t.status },
          },
        }
      : undefined;
  const nieuweRegie =
    t.status === 'regie-overgedragen' && nieuweRegievoerder ? { regievoerderId: nieuweRegievoerder, organisatieId: ontvangerOrganisatie } : undefined;
  return { ...(intrekking ? { intrekking } : {}), ...(nieuweRegie ? { nieuweRegie } : {}) };
}

/** The last record of a handover: the transferred lead (and whether the traject took it), or the end with its reason. */
export function slotMelding(
  t: OverdrachtToestand,
  einde: {
    readonly nieuweRegie?: { readonly organisatieId: string };
    readonly trajectBijgewerkt?: boolean;
    readonly metTraject: boolean;
    readonly reden?: string;
    readonly pogingen?: number;
  },
): Melding {
  if (einde.nieuweRegie) {
    return {
      gebeurtenis: 'regie-overgedragen',
      gegevens: { organisatie: einde.nieuweRegie.organisatieId, trajectBijgewerkt: einde.trajectBijgewerkt ?? false },
      ...(einde.metTraject && !einde.trajectBijgewerkt ? { taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' } } : {}),
    };
  }
  return {
    gebeurtenis: 'beeindigd',
    taak: { voor: 'regievoerder', soort: 'overdracht-beeindigd' },
    gegevens: { status: t.status, ...(einde.reden ? { reden: einde.reden } : {}), ...(einde.pogingen !== undefined ? { pogingen: einde.pogingen } : {}) },
  };
}
