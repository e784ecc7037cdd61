import type { TrajectOverzicht } from '@ketenregie/traject-contracts';

/**
 * Port: consent-service's processing log (Logboek Dataverwerkingen), the shared-platform
 * `VerwerkingslogPoort`. traject-service reports there every read of a traject by an
 * organisation other than its lead, before it answers.
 */
export const TRAJECT_VERWERKINGSLOG = Symbol('TRAJECT_VERWERKINGSLOG');

/** Purpose code (processing register) under which trajecten are carried out and read. */
export const TRAJECT_DOEL = 're-integratie';

/**
 * The data categories an overview discloses: always `traject-status` (phase, status, deadlines,
 * lead, coach, GAS goals), plus `participatieladder` and `zrm` when its progress holds those scores.
 */
export function categorieenVanOverzicht(o: TrajectOverzicht): string[] {
  return ['traject-status', ...(o.voortgang.ladder ? ['participatieladder'] : []), ...(Object.keys(o.voortgang.zrm).length > 0 ? ['zrm'] : [])];
}

/** The timeline's events carry codes, counts and dates only (a `meting` event names its instruments, not the scores). */
export const TIJDLIJN_CATEGORIEEN: readonly string[] = ['traject-status'];

/** A deelnemer's read discloses name, date of birth, contact details and household (`contact`) and their trajecten's status. */
export const DEELNEMER_CATEGORIEEN: readonly string[] = ['contact', 'traject-status'];
