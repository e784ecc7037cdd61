import { PreconditionError, ValidationError } from '@ketenregie/shared-kernel';
import { EXCHANGE_ERROR_CODES } from './exchange.errors';

/** Kinds of referral without transfer of the lead. */
export const VERWIJZING_SOORTEN = ['schuldhulp', 'wmo', 'ggz-behandeling', 'huisarts', 'vrijwilligerswerk'] as const;
export type VerwijzingSoort = (typeof VERWIJZING_SOORTEN)[number];

/** Statuses the receiver returns, in order. */
export const VERWIJZING_STATUSSEN = ['aangemeld', 'geaccepteerd', 'afgewezen', 'gestart', 'beeindigd'] as const;
export type VerwijzingStatus = (typeof VERWIJZING_STATUSSEN)[number];

/** Coded end reasons (never free text about the deelnemer's health). */
export const EINDREDENEN = [
  'doel-bereikt',
  'voortijdig-gestopt-deelnemer',
  'voortijdig-gestopt-aanbieder',
  'doorverwezen',
  'niet-verschenen',
  'verhuisd',
  'overleden',
  'overig',
] as const;
export type Eindreden = (typeof EINDREDENEN)[number];

/** Coded reasons a receiver rejects a referral. */
export const VERWIJZING_AFWIJZING_REDENEN = ['geen-capaciteit', 'buiten-doelgroep', 'wachtlijst-te-lang', 'andere-voorziening-passender', 'overig'] as const;
export type VerwijzingAfwijzingReden = (typeof VERWIJZING_AFWIJZING_REDENEN)[number];

/** A status report of the receiver. */
export type VerwijzingMelding =
  | { readonly status: 'geaccepteerd' }
  | { readonly status: 'afgewezen'; readonly reden: VerwijzingAfwijzingReden }
  | { readonly status: 'gestart' }
  | { readonly status: 'beeindigd'; readonly eindreden: Eindreden };

const VOLGENDE: Readonly<Record<VerwijzingStatus, readonly VerwijzingStatus[]>> = {
  aangemeld: ['geaccepteerd', 'afgewezen'],
  geaccepteerd: ['gestart', 'beeindigd'],
  afgewezen: [],
  gestart: ['beeindigd'],
  beeindigd: [],
};

/**
 * Checks a receiver's status report against the current status: aangemeld → geaccepteerd |
 * afgewezen; geaccepteerd → gestart | beeindigd; gestart → beeindigd. Rejection and end carry a
 * coded reason.
 * @throws PreconditionError `EXCHANGE.VERWIJZING_STATUS_ONGELDIG` for a report out of order.
 * @throws ValidationError `EXCHANGE.EINDREDEN_ONGELDIG` for a missing or unknown code.
 */
export function volgendeVerwijzingStatus(huidig: VerwijzingStatus, melding: VerwijzingMelding): VerwijzingStatus {
  if (!VOLGENDE[huidig].includes(melding.status)) {
    throw new PreconditionError({
      code: EXCHANGE_ERROR_CODES.verwijzingStatusOngeldig,
      detail: `A referral in status ${huidig} cannot become ${melding.status}.`,
    });
  }
  if (melding.status === 'beeindigd' && !(EINDREDENEN as readonly string[]).includes(melding.eindreden)) {
    throw new ValidationError({ code: EXCHANGE_ERROR_CODES.eindredenOngeldig, detail: 'An ended referral needs a coded end reason.' });
  }
  if (melding.status === 'afgewezen' && !(VERWIJZING_AFWIJZING_REDENEN as readonly string[]).includes(melding.reden)) {
    throw new ValidationError({ code: EXCHANGE_ERROR_CODES.eindredenOngeldig, detail: 'A rejected referral needs a coded reason.' });
  }
  return melding.status;
}

/**
 * What the referring organisation sees of a referral. For GGZ treatment the default is status
 * only, in lay terms (`in-behandeling`, `afgerond`): no reason codes that could reveal clinical
 * content. Only when the deelnemer's consent releases the treatment status in detail
 * (`detailToegestaan`) does the sender see the coded reasons.
 */
export interface VerwijzingTerugkoppeling {
  readonly status: VerwijzingStatus | 'in-behandeling' | 'afgerond' | 'niet-gestart';
  readonly eindreden?: Eindreden;
  readonly afwijzingReden?: VerwijzingAfwijzingReden;
}

/** The feedback the sender may see; see {@link VerwijzingTerugkoppeling}. */
export function terugkoppeling(
  soort: VerwijzingSoort,
  status: VerwijzingStatus,
  redenen: { readonly eindreden?: Eindreden; readonly afwijzingReden?: VerwijzingAfwijzingReden },
  detailToegestaan: boolean,
): VerwijzingTerugkoppeling {
  if (soort !== 'ggz-behandeling' || detailToegestaan) {
    return {
      status,
      ...(status === 'beeindigd' && redenen.eindreden ? { eindreden: redenen.eindreden } : {}),
      ...(status === 'afgewezen' && redenen.afwijzingReden ? { afwijzingReden: redenen.afwijzingReden } : {}),
    };
  }
  switch (status) {
    case 'gestart':
      return { status: 'in-behandeling' };
    case 'beeindigd':
      return { status: 'afgerond' };
    case 'afgewezen':
      return { status: 'niet-gestart' };
    default:
      return { status };
  }
}
