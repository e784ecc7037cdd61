import { condition, setHandler } from '@temporalio/workflow';
import { type ToestemmingBeeindigd, toestemmingBeeindigdSignal } from '@ketenregie/consent-contracts';

/** Stands in for another context's workflow (a handover) that relies on a consent: it waits for the end notice. */
export async function afhankelijkeWorkflow(): Promise<ToestemmingBeeindigd[]> {
  const ontvangen: ToestemmingBeeindigd[] = [];
  setHandler(toestemmingBeeindigdSignal, (bericht) => {
    ontvangen.push(bericht);
  });
  await condition(() => ontvangen.length > 0);
  return ontvangen;
}
