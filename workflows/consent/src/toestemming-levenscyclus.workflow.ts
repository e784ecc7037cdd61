import { allHandlersFinished, condition, getExternalWorkflowHandle, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  type Afhankelijkheid,
  type ConsentActivities,
  CONSENT_END_RECEIVER_ACCESS,
  CONSENT_ENGLISH_ACTIVITY_NAMES,
  CONSENT_LEGACY_ACTIVITY_NAMES,
  type LegacyConsentActivities,
  type IntrekkingSignaal,
  registreerAfhankelijkheidUpdate,
  toestemmingBeeindigdDoorServiceSignal,
  type ToestemmingBeeindigd,
  toestemmingBeeindigdSignal,
  type ToestemmingLevenscyclusInput,
  type ToestemmingLevenscyclusStatus,
  toestemmingStatusQuery,
} from '@ketenregie/consent-contracts';
import { ACTIVITY_TIMEOUTS } from '@ketenregie/shared-kernel';

const DAG_MS = 86_400_000;

const activiteiten = proxyActivities<ConsentActivities & LegacyConsentActivities>({
  ...ACTIVITY_TIMEOUTS,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** An activity under its English name; a lifecycle that began before the rename keeps scheduling the old one. */
function activiteit<K extends keyof typeof CONSENT_LEGACY_ACTIVITY_NAMES>(naam: K): ConsentActivities[K] {
  return (patched(CONSENT_ENGLISH_ACTIVITY_NAMES) ? activiteiten[naam] : activiteiten[CONSENT_LEGACY_ACTIVITY_NAMES[naam]]) as ConsentActivities[K];
}

/**
 * The lifecycle of one consent, from the moment it is given until it ends:
 * - reminds the coach `herinneringDagenVoorEinde` days before `geldigTot` (only when that moment
 *   lies after the start: a consent shorter than the lead time gets no reminder);
 * - ends on the service's withdrawal/supersession signal, or at `geldigTot` by recording expiry
 *   (the activity reports an end that the service recorded but whose signal was lost);
 * - then signals every registered dependant (handovers, exchanges) with
 *   `toestemmingBeeindigdSignal`, once each, and, when the consent was withdrawn or expired (not
 *   superseded), ends the receivers' `ontvanger` involvement in the traject context
 *   (`endReceiverAccess`, retried with backoff for as long as traject-service is down; behind
 *   `patched(CONSENT_END_RECEIVER_ACCESS)`), and completes.
 *
 * The database, not this workflow, decides disclosures: access ends at the recorded instant
 * whether or not a signal arrives; the signals make running processes stop promptly. The history
 * stays small (a few timers, one update per dependant), so no continue-as-new is needed even for
 * consents that run for years.
 */
export async function toestemmingLevenscyclusWorkflow(input: ToestemmingLevenscyclusInput): Promise<ToestemmingLevenscyclusStatus> {
  const { toestemmingId } = input;
  const afhankelijken: Afhankelijkheid[] = [];
  const geinformeerd = new Set<string>();
  let herinneringVerstuurd = false;
  let melding: IntrekkingSignaal | undefined;
  let einde: ToestemmingBeeindigd | undefined;

  const status = (): ToestemmingLevenscyclusStatus => ({
    toestemmingId,
    fase: einde?.reden ?? melding?.reden ?? 'actief',
    herinneringVerstuurd,
    afhankelijken: [...afhankelijken],
  });

  const informeer = async (afhankelijke: Afhankelijkheid, bericht: ToestemmingBeeindigd): Promise<void> => {
    if (geinformeerd.has(afhankelijke.workflowId)) return;
    geinformeerd.add(afhankelijke.workflowId);
    try {
      await getExternalWorkflowHandle(afhankelijke.workflowId).signal(toestemmingBeeindigdSignal, bericht);
    } catch (error) {
      // A dependant that already closed needs no notice.
      log.warn('Dependent workflow could not be signalled', { workflowId: afhankelijke.workflowId, error: String(error) });
    }
  };

  setHandler(toestemmingStatusQuery, status);
  setHandler(toestemmingBeeindigdDoorServiceSignal, (signaal) => {
    if (signaal.toestemmingId === toestemmingId && !melding && !einde) melding = signaal;
  });
  setHandler(
    registreerAfhankelijkheidUpdate,
    async (afhankelijke) => {
      if (!afhankelijken.some((a) => a.workflowId === afhankelijke.workflowId)) afhankelijken.push(afhankelijke);
      if (einde) await informeer(afhankelijke, einde);
      return { actief: !einde && !melding };
    },
    {
      validator: (afhankelijke) => {
        if (typeof afhankelijke?.workflowId !== 'string' || afhankelijke.workflowId.length === 0 || afhankelijke.workflowId.length > 255) {
          throw new TypeError('workflowId (1–255 characters) is required');
        }
      },
    },
  );

  const beeindigd = () => melding !== undefined;
  const eindeMs = Date.parse(input.geldigTot);
  const herinnerMs = eindeMs - input.herinneringDagenVoorEinde * DAG_MS;

  if (herinnerMs > Date.now()) {
    await condition(beeindigd, herinnerMs - Date.now());
    if (!beeindigd()) {
      await activiteit('remindCoach')({ toestemmingId, coach: input.coach, geldigTot: input.geldigTot });
      herinneringVerstuurd = true;
    }
  }
  if (!beeindigd() && eindeMs > Date.now()) await condition(beeindigd, eindeMs - Date.now());

  if (melding) {
    const reikwijdte = await activiteit('readScope')({ toestemmingId });
    einde = { toestemmingId, reden: melding.reden, op: melding.op, doel: reikwijdte.doel, categorieen: reikwijdte.categorieen };
  } else {
    einde = await activiteit('recordExpiry')({ toestemmingId });
  }
  const bericht = einde;
  // A superseded consent's receivers keep their involvement: the consent that replaced it carries it on.
  const ontvangersBeeindigen = bericht.reden !== 'vervangen' && patched(CONSENT_END_RECEIVER_ACCESS);
  await Promise.all([...afhankelijken.map((a) => informeer(a, bericht)), ...(ontvangersBeeindigen ? [activiteiten.endReceiverAccess({ toestemmingId })] : [])]);
  await condition(allHandlersFinished);
  return status();
}
