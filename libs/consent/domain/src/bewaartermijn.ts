import { addMonths, compareIsoDates, type IsoDate, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { registerVersieOp, type Verwerkingsregister } from './verwerkingsregister';

/**
 * When a deelnemer's data is erased once their last traject has ended: the longest retention
 * period (`vanaf: 'einde-traject'`) of the register version in force at the end date. A
 * deelnemer's data is erased as a whole (their key is destroyed), so the longest period of any
 * activity decides; periods running from each processing (`vanaf: 'verwerking'`) do not end with
 * the traject and never trigger an erasure on their own.
 */
export interface BewaartermijnEinde {
  /** The period in calendar years, as the register declares it. */
  readonly jaren: number;
  /** The day the period has passed and the data is erased: `einde` plus `jaren` calendar years (29 February → 28 February). */
  readonly wisOp: IsoDate;
  /** The register version the period came from. */
  readonly registerVersie: number;
  /** The activity whose period is the longest (the one that decides). */
  readonly activiteit: string;
}

/**
 * The erasure date for a deelnemer whose last traject ended on `einde`, or undefined when the
 * register in force then declares no period that runs from the end of a traject (nothing is then
 * erased automatically: only a lawful request erases).
 */
export function bewaartermijnNaEinde(register: Verwerkingsregister, einde: IsoDate): BewaartermijnEinde | undefined {
  const versie = registerVersieOp(register, new Date(startOfAmsterdamDate(einde)));
  if (!versie) return undefined;
  let langste: { jaren: number; activiteit: string } | undefined;
  for (const a of versie.activiteiten) {
    if (a.bewaartermijn.vanaf !== 'einde-traject') continue;
    if (!langste || a.bewaartermijn.jaren > langste.jaren) langste = { jaren: a.bewaartermijn.jaren, activiteit: a.id };
  }
  if (!langste) return undefined;
  return { jaren: langste.jaren, wisOp: addMonths(einde, langste.jaren * 12), registerVersie: versie.versie, activiteit: langste.activiteit };
}

/**
 * What the retention workflow of one deelnemer knows: the trajecten that run (started and not
 * ended since the workflow began) and the last end date it was told.
 */
export interface BewaartermijnStand {
  readonly lopend: readonly string[];
  readonly laatsteEinde?: IsoDate;
}

/** What the retention workflow hears about the deelnemer's trajecten. */
export type BewaartermijnGebeurtenis =
  { readonly soort: 'gestart'; readonly trajectId: string } | { readonly soort: 'beeindigd'; readonly trajectId: string; readonly einddatum: IsoDate };

/** The state after one event: a start resets the clock (the traject runs), an end records the latest end date. */
export function volgendeBewaarstand(stand: BewaartermijnStand, g: BewaartermijnGebeurtenis): BewaartermijnStand {
  const anderen = stand.lopend.filter((id) => id !== g.trajectId);
  if (g.soort === 'gestart') return { ...stand, lopend: [...anderen, g.trajectId] };
  const laatsteEinde = stand.laatsteEinde && compareIsoDates(stand.laatsteEinde, g.einddatum) > 0 ? stand.laatsteEinde : g.einddatum;
  return { lopend: anderen, laatsteEinde };
}

/** The end date the retention period runs from, or undefined while a traject runs or none has ended. */
export function bewaartermijnLooptVanaf(stand: BewaartermijnStand): IsoDate | undefined {
  return stand.lopend.length === 0 ? stand.laatsteEinde : undefined;
}
