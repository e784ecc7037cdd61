/**
 * The consent lifecycle workflow on our Temporal-compatible dev server, with time skipping: a
 * year-long consent runs in seconds.
 */
import {
  CONSENT_TASK_QUEUE,
  registreerAfhankelijkheidUpdate,
  toestemmingBeeindigdDoorServiceSignal,
  type ToestemmingBeeindigd,
  type ToestemmingLevenscyclusStatus,
  toestemmingStatusQuery,
  toestemmingWorkflowId,
} from '@ketenregie/consent-contracts';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { AFHANKELIJKE_WORKFLOWS_PATH, WORKFLOWS_PATH, webpackConfigHook } from './bundler';
import { FakeConsentActivities } from './fake-activities';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;
const DAG = 86_400_000;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let afhankelijkeBundle: WorkflowBundleWithSourceMap;
let volgnummer = 0;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
  afhankelijkeBundle = await bundleWorkflowCode({ workflowsPath: AFHANKELIJKE_WORKFLOWS_PATH, webpackConfigHook });
});

afterAll(async () => {
  await env?.teardown();
});

interface Scenario {
  readonly toestemmingId: string;
  readonly geldigTot: string;
  readonly acts: FakeConsentActivities;
  readonly taskQueue: string;
}

async function metToestemming(looptijdDagen: number, scenario: (s: Scenario, handle: Awaited<ReturnType<typeof start>>) => Promise<void>): Promise<void> {
  volgnummer += 1;
  const toestemmingId = randomUUID();
  const geldigTot = new Date((await env.currentTimeMs()) + looptijdDagen * DAG).toISOString();
  const taskQueue = `${CONSENT_TASK_QUEUE}-test-${volgnummer}`;
  const acts = new FakeConsentActivities(geldigTot, () => env.currentTimeMs());
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: acts.alsActiviteiten() });
  // Dependants (another context's workflows) run on a task queue and worker of their own.
  const anderen = await Worker.create({ connection: env.nativeConnection, taskQueue: `${taskQueue}-afhankelijk`, workflowBundle: afhankelijkeBundle });
  await anderen.runUntil(() =>
    worker.runUntil(async () => {
      const handle = await start(toestemmingId, geldigTot, taskQueue);
      await scenario({ toestemmingId, geldigTot, acts, taskQueue }, handle);
    }),
  );
}

function start(toestemmingId: string, geldigTot: string, taskQueue: string) {
  return env.client.workflow.start('toestemmingLevenscyclusWorkflow', {
    taskQueue,
    workflowId: toestemmingWorkflowId(toestemmingId),
    args: [{ toestemmingId, geldigTot, herinneringDagenVoorEinde: 30, coach: 'mw-coach-1' }],
  });
}

async function afhankelijke(taskQueue: string) {
  return env.client.workflow.start('afhankelijkeWorkflow', { taskQueue: `${taskQueue}-afhankelijk`, workflowId: `overdracht-${randomUUID()}` });
}

describe('toestemmingLevenscyclusWorkflow', () => {
  it('reminds the coach 30 days before the end, records expiry at the end and tells every dependant once', async () => {
    await metToestemming(365, async ({ toestemmingId, geldigTot, acts, taskQueue }, handle) => {
      const start = await env.currentTimeMs();
      const [a, b] = [await afhankelijke(taskQueue), await afhankelijke(taskQueue)];
      for (const d of [a, b, a]) {
        expect(await handle.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: d.workflowId, context: 'exchange' }] })).toEqual({
          actief: true,
        });
      }
      const status: ToestemmingLevenscyclusStatus = await handle.result();
      expect(status).toMatchObject({ fase: 'verlopen', herinneringVerstuurd: true });
      expect(status.afhankelijken).toHaveLength(2);

      expect(acts.herinneringen).toHaveLength(1);
      expect(acts.herinneringen[0]?.op).toBeGreaterThanOrEqual(Date.parse(geldigTot) - 30 * DAG);
      expect(acts.herinneringen[0]?.op).toBeLessThan(Date.parse(geldigTot) - 29 * DAG);
      expect(acts.verlopen).toHaveLength(1);
      expect(acts.verlopen[0]?.op).toBeGreaterThanOrEqual(Date.parse(geldigTot));
      expect(acts.verlopen[0]?.op).toBeGreaterThan(start + 364 * DAG);

      const verwacht: ToestemmingBeeindigd = { toestemmingId, reden: 'verlopen', op: geldigTot, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] };
      expect(await a.result()).toEqual([verwacht]);
      expect(await b.result()).toEqual([verwacht]);
    });
  });

  it('ends at once on a withdrawal signal: no reminder, no expiry, dependants told the withdrawal', async () => {
    await metToestemming(365, async ({ toestemmingId, acts, taskQueue }, handle) => {
      const d = await afhankelijke(taskQueue);
      await handle.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: d.workflowId, context: 'exchange' }] });
      expect(await handle.query(toestemmingStatusQuery)).toMatchObject({ fase: 'actief', herinneringVerstuurd: false });
      await env.sleep(10 * DAG);
      const op = new Date(await env.currentTimeMs()).toISOString();
      await handle.signal(toestemmingBeeindigdDoorServiceSignal, { toestemmingId, op, reden: 'ingetrokken' });
      expect(await handle.result()).toMatchObject({ fase: 'ingetrokken', herinneringVerstuurd: false });
      expect(await d.result()).toEqual([{ toestemmingId, reden: 'ingetrokken', op, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] }]);
      expect(acts.herinneringen).toEqual([]);
      expect(acts.verlopen).toEqual([]);
      expect(acts.reikwijdten).toEqual([toestemmingId]);
    });
  });

  it("at the end date ends the receivers' access, retrying while traject-service is down until it is back", async () => {
    await metToestemming(60, async ({ toestemmingId, geldigTot, acts }, handle) => {
      acts.trajectOnbereikbaar(3);
      await env.sleep(59 * DAG);
      // While the consent runs nothing ends the receivers' access.
      expect(acts.ontvangersBeeindigen).toEqual([]);
      expect(await handle.result()).toMatchObject({ fase: 'verlopen' });
      expect(acts.ontvangersBeeindigen.map((c) => c.gelukt)).toEqual([false, false, false, true]);
      expect(acts.ontvangersBeeindigen.every((c) => c.toestemmingId === toestemmingId && c.op >= Date.parse(geldigTot))).toBe(true);
      expect(acts.verlopen).toHaveLength(1);
    });
  });

  it("ends the receivers' access after a withdrawal (a lost signal too), and not for a superseded consent", async () => {
    await metToestemming(365, async ({ toestemmingId, acts }, handle) => {
      acts.trajectOnbereikbaar(1);
      await handle.signal(toestemmingBeeindigdDoorServiceSignal, {
        toestemmingId,
        op: new Date(await env.currentTimeMs()).toISOString(),
        reden: 'ingetrokken',
      });
      expect(await handle.result()).toMatchObject({ fase: 'ingetrokken' });
      expect(acts.ontvangersBeeindigen.map((c) => c.gelukt)).toEqual([false, true]);
    });
    await metToestemming(60, async ({ acts }, handle) => {
      acts.eerderEinde({ reden: 'ingetrokken', op: '2026-01-01T00:00:00.000Z' });
      expect(await handle.result()).toMatchObject({ fase: 'ingetrokken' });
      expect(acts.ontvangersBeeindigen.map((c) => c.gelukt)).toEqual([true]);
    });
    await metToestemming(365, async ({ toestemmingId, acts }, handle) => {
      await handle.signal(toestemmingBeeindigdDoorServiceSignal, { toestemmingId, op: new Date(await env.currentTimeMs()).toISOString(), reden: 'vervangen' });
      expect(await handle.result()).toMatchObject({ fase: 'vervangen' });
      expect(acts.ontvangersBeeindigen).toEqual([]);
    });
  });

  it('ignores a signal for another consent', async () => {
    await metToestemming(40, async ({ acts }, handle) => {
      await handle.signal(toestemmingBeeindigdDoorServiceSignal, { toestemmingId: randomUUID(), op: new Date().toISOString(), reden: 'ingetrokken' });
      expect(await handle.result()).toMatchObject({ fase: 'verlopen', herinneringVerstuurd: true });
      expect(acts.verlopen).toHaveLength(1);
    });
  });

  it('reports the end the service recorded when its signal was lost', async () => {
    await metToestemming(60, async ({ acts }, handle) => {
      acts.eerderEinde({ reden: 'ingetrokken', op: '2026-01-01T00:00:00.000Z' });
      expect(await handle.result()).toMatchObject({ fase: 'ingetrokken' });
    });
  });

  it('sends no reminder for a consent shorter than the reminder lead time', async () => {
    await metToestemming(20, async ({ acts }, handle) => {
      expect(await handle.result()).toMatchObject({ fase: 'verlopen', herinneringVerstuurd: false });
      expect(acts.herinneringen).toEqual([]);
    });
  });

  it('rejects a registration without a workflow id', async () => {
    await metToestemming(5, async (_s, handle) => {
      await expect(handle.executeUpdate(registreerAfhankelijkheidUpdate, { args: [{ workflowId: '', context: 'exchange' }] })).rejects.toThrow();
      await handle.result();
    });
  });
});
