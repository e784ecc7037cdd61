/**
 * The pilot evaluation and the convenant's quarterly monitor on our Temporal-compatible dev
 * server with time skipping: months of a pilot run in seconds.
 */
import {
  convenantMonitorWorkflowId,
  MONITORING_TASK_QUEUE,
  pilotBesluitSignal,
  type PilotEvaluatieInput,
  pilotStandQuery,
  pilotWorkflowId,
} from '@ketenregie/monitoring-contracts';
import { pilotAgenda, STANDAARD_BESLUIT_INSTELLINGEN, verlengdeEinddatum, volgendKwartaalrapport } from '@ketenregie/monitoring-domain';
import { addDays, amsterdamDate, startOfAmsterdamDate, type IsoDate } from '@ketenregie/shared-kernel';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { setTimeout as pauze } from 'node:timers/promises';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';
import { FakeMonitoringActivities } from './fake-activities';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let volgnummer = 0;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
});

afterAll(async () => {
  await env?.teardown();
});

async function metWorker(verloop: (taskQueue: string, acts: FakeMonitoringActivities) => Promise<void>): Promise<void> {
  volgnummer += 1;
  const taskQueue = `${MONITORING_TASK_QUEUE}-test-${volgnummer}`;
  const acts = new FakeMonitoringActivities(() => env.currentTimeMs());
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: acts.alsActiviteiten() });
  await worker.runUntil(() => verloop(taskQueue, acts));
}

async function pilot(taskQueue: string) {
  const vandaag = amsterdamDate(await env.currentTimeMs());
  const pilotId = randomUUID();
  const input: PilotEvaluatieInput = {
    pilotId,
    stuurgroepId: 'stuurgroep-dommeldal',
    t0: addDays(vandaag, 3),
    t1: addDays(vandaag, 90),
    eind: addDays(vandaag, 240),
    instellingen: STANDAARD_BESLUIT_INSTELLINGEN,
  };
  const handle = await env.client.workflow.start('pilotEvaluatieWorkflow', { taskQueue, workflowId: pilotWorkflowId(pilotId), args: [input] });
  return { handle, input, agenda: pilotAgenda(input, input.instellingen) };
}

/** Skips server time to 10:00 Dutch time on `datum`. */
async function naar(datum: IsoDate): Promise<void> {
  const doel = startOfAmsterdamDate(datum) + 10 * 3_600_000;
  const nu = await env.currentTimeMs();
  if (doel > nu) await env.sleep(doel - nu);
}

/** Polls in real time until the fake saw `n` calls (no time is skipped while waiting). */
async function wachtOp(acts: FakeMonitoringActivities, n: number): Promise<void> {
  for (let i = 0; i < 400 && acts.aanroepen.length < n; i++) await pauze(50);
  expect(acts.aanroepen.length).toBeGreaterThanOrEqual(n);
}

describe('pilotEvaluatieWorkflow', () => {
  it('reports at T0 and T1, asks for the extension decision, reminds, escalates to the chair when the stuurgroep does not decide, and ends', async () => {
    await metWorker(async (taskQueue, acts) => {
      const { handle, agenda } = await pilot(taskQueue);
      const stand = await handle.result();
      expect(stand).toMatchObject({ status: 'beeindigd', verlengingen: 0, rapportages: ['T0', 'T1', 'eind'] });
      expect(acts.verloop()).toEqual([
        `rapport:T0@${agenda.t0}`,
        `rapportage-gepubliceerd:stuurgroep@${agenda.t0}`,
        `rapport:T1@${agenda.t1}`,
        `rapportage-gepubliceerd:stuurgroep@${agenda.t1}`,
        `verlengingsbesluit-gevraagd:stuurgroep@${agenda.besluitVragen}`,
        `herinnering-verlengingsbesluit:stuurgroep@${agenda.herinnering}`,
        `escalatie-verlengingsbesluit:voorzitter@${agenda.escalatie}`,
        `besluit:geen-besluit@${agenda.eind}`,
        `rapport:eind@${agenda.eind}`,
        `rapportage-gepubliceerd:stuurgroep@${agenda.eind}`,
      ]);
    });
  });

  it('records an extension decided after the reminder, moves the end and asks again; then ends on a decision to stop', async () => {
    await metWorker(async (taskQueue, acts) => {
      const { handle, agenda } = await pilot(taskQueue);
      await naar(agenda.herinnering);
      await wachtOp(acts, 6); // T0, T1 (each with its notification), asked, reminded
      expect(acts.verloop().at(-1)).toBe(`herinnering-verlengingsbesluit:stuurgroep@${agenda.herinnering}`);
      await handle.signal(pilotBesluitSignal, { besluit: 'verlengen', door: 'gemeente-dommeldal' });
      const nieuwEind = verlengdeEinddatum(agenda.eind, STANDAARD_BESLUIT_INSTELLINGEN);
      await wachtOp(acts, 9); // the decision, the extension's report and its notification
      for (let i = 0; i < 100 && (await handle.query(pilotStandQuery)).status !== 'verlengd'; i++) await pauze(50);
      expect(await handle.query(pilotStandQuery)).toMatchObject({ status: 'verlengd', agenda: { eind: nieuwEind } });
      const tweede = pilotAgenda({ ...agenda, eind: nieuwEind }, STANDAARD_BESLUIT_INSTELLINGEN);
      await naar(tweede.besluitVragen);
      await wachtOp(acts, 10); // asked again
      await handle.signal(pilotBesluitSignal, { besluit: 'beeindigen', door: 'gemeente-dommeldal' });
      const stand = await handle.result();
      expect(stand).toMatchObject({ status: 'beeindigd', verlengingen: 1, rapportages: ['T0', 'T1', 'verlenging-1', 'eind'] });
      const verloop = acts.verloop();
      expect(verloop).toContain(`besluit:verlengen:${nieuwEind}@${agenda.herinnering}`);
      expect(verloop).not.toContain(`escalatie-verlengingsbesluit:voorzitter@${agenda.escalatie}`);
      expect(verloop.slice(-3)).toEqual([
        `besluit:beeindigen@${tweede.besluitVragen}`,
        `rapport:eind@${tweede.eind}`,
        `rapportage-gepubliceerd:stuurgroep@${tweede.eind}`,
      ]);
    });
  });
});

describe('convenantMonitorWorkflow', () => {
  it('publishes the quarterly report on its date and tells the stuurgroep, until the quarter of the convenant’s end', async () => {
    await metWorker(async (taskQueue, acts) => {
      const vandaag = amsterdamDate(await env.currentTimeMs());
      const eerste = volgendKwartaalrapport(vandaag, 5);
      const tweede = volgendKwartaalrapport(eerste.datum, 5);
      const convenantId = randomUUID();
      const handle = await env.client.workflow.start('convenantMonitorWorkflow', {
        taskQueue,
        workflowId: convenantMonitorWorkflowId(convenantId),
        // The convenant ends in the quarter the second report covers.
        args: [{ convenantId, stuurgroepId: 'stuurgroep-dommeldal', werkdagNaKwartaal: 5, einddatum: addDays(eerste.datum, 30) }],
      });
      expect(await handle.result()).toEqual({ laatste: tweede.kwartaal });
      expect(acts.verloop()).toEqual([
        `kwartaalrapport:${eerste.kwartaal}@${eerste.datum}`,
        `kwartaalrapport-gepubliceerd:stuurgroep@${eerste.datum}`,
        `kwartaalrapport:${tweede.kwartaal}@${tweede.datum}`,
        `kwartaalrapport-gepubliceerd:stuurgroep@${tweede.datum}`,
      ]);
    });
  });
});
