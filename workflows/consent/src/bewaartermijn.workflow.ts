import { allHandlersFinished, condition, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  type BewaartermijnActivities,
  type BewaartermijnInput,
  type BewaartermijnStatus,
  bewaartermijnStatusQuery,
  bewaartermijnTrajectBeeindigdSignal,
  bewaartermijnTrajectGestartSignal,
  type WissingUitkomst,
} from '@ketenregie/consent-contracts';
import { type BewaartermijnEinde, type BewaartermijnStand, bewaartermijnLooptVanaf, volgendeBewaarstand } from '@ketenregie/consent-domain';
import { ACTIVITY_TIMEOUTS, startOfAmsterdamDate } from '@ketenregie/shared-kernel';

const { determineRetention, eraseDeelnemer } = proxyActivities<BewaartermijnActivities>({
  ...ACTIVITY_TIMEOUTS,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

/**
 * The retention period of one deelnemer, on the workflow's own clock (`bewaartermijn-<deelnemerId>`).
 * Started by the end of a traject (signal with start), it waits until no traject of the deelnemer
 * runs, asks the processing register for the period that runs from the last end
 * (`bewaartermijnNaEinde`: the longest period of the version then in force, in calendar years),
 * and sleeps until the erasure date. A traject that starts in the meantime stops the clock; its
 * end starts it again from the new end date. When the date is reached it erases the deelnemer
 * (ground `bewaartermijn-verstreken`) and completes. When traject-service reports a traject the
 * workflow did not hear of, nothing is erased and the workflow waits for that traject's end.
 *
 * The history holds opaque ids and dates only; it stays small (one signal per traject start or
 * end, one timer per period), so even a period of years needs no continue-as-new.
 */
export async function bewaartermijnWorkflow(input: BewaartermijnInput): Promise<BewaartermijnStatus> {
  let stand: BewaartermijnStand = { lopend: [] };
  let versie = 0;
  let termijn: BewaartermijnEinde | undefined;
  let uitkomst: WissingUitkomst | undefined;

  setHandler(bewaartermijnStatusQuery, () => ({ ...stand, ...(termijn ? { termijn } : {}), ...(uitkomst ? { uitkomst } : {}) }));
  setHandler(bewaartermijnTrajectBeeindigdSignal, ({ trajectId, einddatum }) => {
    stand = volgendeBewaarstand(stand, { soort: 'beeindigd', trajectId, einddatum });
    versie += 1;
  });
  setHandler(bewaartermijnTrajectGestartSignal, ({ trajectId }) => {
    stand = volgendeBewaarstand(stand, { soort: 'gestart', trajectId });
    versie += 1;
  });

  for (;;) {
    await condition(() => bewaartermijnLooptVanaf(stand) !== undefined);
    const vanaf = bewaartermijnLooptVanaf(stand) as string;
    const gezien = versie;
    termijn = (await determineRetention({ einddatum: vanaf })) ?? undefined;
    if (!termijn) {
      // The register declares no period from the end of a traject: only a lawful request erases.
      log.info('No retention period from the end of a traject in the register; nothing is erased automatically');
      await condition(() => versie !== gezien);
      continue;
    }
    const wachtMs = startOfAmsterdamDate(termijn.wisOp) - Date.now();
    // Woken early by a start or a later end: decide again from the new state.
    if (wachtMs > 0 && (await condition(() => versie !== gezien, wachtMs))) continue;
    if (versie !== gezien) continue;
    uitkomst = await eraseDeelnemer({
      sleutel: `${workflowInfo().workflowId}:wissing:${termijn.wisOp}`,
      deelnemerId: input.deelnemerId,
      gemeente: input.gemeente,
    });
    if (uitkomst !== 'traject-loopt') break;
    // A traject the workflow did not know of runs: wait for the next end.
    await condition(() => versie !== gezien);
    uitkomst = undefined;
  }
  await condition(allHandlersFinished);
  return { ...stand, ...(termijn ? { termijn } : {}), ...(uitkomst ? { uitkomst } : {}) };
}
