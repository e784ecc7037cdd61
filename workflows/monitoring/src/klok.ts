import { sleep } from '@temporalio/workflow';
import { amsterdamDate, compareIsoDates, startOfAmsterdamDate, type IsoDate } from '@ketenregie/shared-kernel';

/** Today in Amsterdam by the workflow's deterministic clock. */
export const vandaag = (): IsoDate => amsterdamDate(Date.now());

/** Sleeps until the start of `datum` (Amsterdam); returns at once when it has begun. */
export async function slaapTot(datum: IsoDate): Promise<void> {
  const ms = startOfAmsterdamDate(datum) - Date.now();
  if (ms > 0) await sleep(ms);
}

/** Milliseconds until the start of `datum` (0 when it has begun). */
export const msTot = (datum: IsoDate): number => Math.max(0, startOfAmsterdamDate(datum) - Date.now());

/** True when `datum` has begun. */
export const isBegonnen = (datum: IsoDate): boolean => compareIsoDates(vandaag(), datum) >= 0;
