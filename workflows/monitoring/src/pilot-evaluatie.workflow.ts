import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  type MonitoringActivities,
  type PilotBesluit,
  pilotBesluitSignal,
  type PilotEvaluatieInput,
  type PilotStand,
  pilotStandQuery,
} from '@ketenregie/monitoring-contracts';
import { ACTIVITY_TIMEOUTS } from '@ketenregie/shared-kernel';
import { pilotAgenda, verlengdeEinddatum, type PilotAgenda } from '@ketenregie/monitoring-domain';
import { msTot, slaapTot, vandaag } from './klok';

const act = proxyActivities<MonitoringActivities>({ ...ACTIVITY_TIMEOUTS, retry: { maximumAttempts: 20 } });

/**
 * A pilot from T0 through T1 to the end (`pilot-evaluatie`): a report at each moment (working
 * days of the kernel calendar, see `pilotAgenda`); a configurable time before the end the
 * stuurgroep is asked to decide on an extension, reminded, and escalated to its chair when it does
 * not decide; the decision is recorded and the pilot extended (a new end, asked again) or ended.
 * Without a decision by the end, the pilot ends and that is recorded as `geen-besluit`.
 */
export async function pilotEvaluatieWorkflow(input: PilotEvaluatieInput): Promise<PilotStand> {
  const id = workflowInfo().workflowId;
  let agenda: PilotAgenda = pilotAgenda(input, input.instellingen);
  let status: PilotStand['status'] = 'loopt';
  let verlengingen = 0;
  const rapportages: string[] = [];
  let besluit: PilotBesluit | undefined;
  setHandler(pilotBesluitSignal, (b) => {
    if (status === 'besluit-gevraagd' && besluit === undefined) besluit = b;
  });
  setHandler(pilotStandQuery, () => ({ agenda, status, verlengingen, rapportages: [...rapportages] }));

  const rapport = async (moment: string) => {
    await act.publishPilotReport({ sleutel: `${id}:rapport:${moment}`, pilotId: input.pilotId, moment, peildatum: vandaag() });
    rapportages.push(moment);
    await act.notifyStuurgroep({
      sleutel: `${id}:melding:${moment}`,
      stuurgroepId: input.stuurgroepId,
      aan: 'stuurgroep',
      onderwerp: 'rapportage-gepubliceerd',
      verwijzing: `pilot/${input.pilotId}/${moment}`,
    });
  };
  const meld = (
    ronde: number,
    aan: 'stuurgroep' | 'voorzitter',
    onderwerp: 'verlengingsbesluit-gevraagd' | 'herinnering-verlengingsbesluit' | 'escalatie-verlengingsbesluit',
  ) => act.notifyStuurgroep({ sleutel: `${id}:${onderwerp}:${ronde}`, stuurgroepId: input.stuurgroepId, aan, onderwerp, verwijzing: `pilot/${input.pilotId}` });

  await slaapTot(agenda.t0);
  await rapport('T0');
  await slaapTot(agenda.t1);
  await rapport('T1');
  for (;;) {
    await slaapTot(agenda.besluitVragen);
    status = 'besluit-gevraagd';
    besluit = undefined;
    await meld(verlengingen, 'stuurgroep', 'verlengingsbesluit-gevraagd');
    if (!(await condition(() => besluit !== undefined, msTot(agenda.herinnering)))) {
      await meld(verlengingen, 'stuurgroep', 'herinnering-verlengingsbesluit');
      if (!(await condition(() => besluit !== undefined, msTot(agenda.escalatie)))) {
        await meld(verlengingen, 'voorzitter', 'escalatie-verlengingsbesluit');
        await condition(() => besluit !== undefined, msTot(agenda.eind));
      }
    }
    const b = besluit as PilotBesluit | undefined;
    if (b?.besluit === 'verlengen') {
      verlengingen += 1;
      const eind = verlengdeEinddatum(agenda.eind, input.instellingen);
      await act.recordPilotDecision({
        sleutel: `${id}:besluit:${verlengingen}`,
        pilotId: input.pilotId,
        besluit: 'verlengen',
        door: b.door,
        nieuweEinddatum: eind,
      });
      await rapport(`verlenging-${verlengingen}`);
      agenda = { ...pilotAgenda({ t0: agenda.t0, t1: agenda.t1, eind }, input.instellingen) };
      status = 'verlengd';
      continue;
    }
    await act.recordPilotDecision({
      sleutel: `${id}:besluit:${verlengingen + 1}`,
      pilotId: input.pilotId,
      besluit: b ? 'beeindigen' : 'geen-besluit',
      ...(b ? { door: b.door } : {}),
    });
    await slaapTot(agenda.eind);
    await rapport('eind');
    status = 'beeindigd';
    return { agenda, status, verlengingen, rapportages: [...rapportages] };
  }
}
