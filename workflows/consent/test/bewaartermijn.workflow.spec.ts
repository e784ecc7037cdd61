/**
 * The retention workflow on our Temporal-compatible dev server, with time skipping: a deelnemer's
 * seven-year retention period passes in seconds. The period comes from the demo processing
 * register through the domain's `bewaartermijnNaEinde`; the erasure destroys the deelnemer's key
 * in a real key store (PostgreSQL), as traject-service's erasure does.
 */
import {
  BEWAARTERMIJN_WORKFLOW_TYPE,
  type BewaartermijnActivities,
  type BewaartermijnStatus,
  bewaartermijnStatusQuery,
  bewaartermijnTrajectBeeindigdSignal,
  bewaartermijnTrajectGestartSignal,
  bewaartermijnWorkflowId,
  CONSENT_TASK_QUEUE,
} from '@ketenregie/consent-contracts';
import { bewaartermijnNaEinde, DEMO_REGISTER } from '@ketenregie/consent-domain';
import { KLUIS_MIGRATIONS, LokaleKms, Sleutelkluis, SleutelVernietigdFout } from '@ketenregie/shared-crypto';
import { addMonths, amsterdamDate, startOfAmsterdamDate } from '@ketenregie/shared-kernel';
import { openDatabase } from '@ketenregie/shared-platform';
import { createTestDatabase, type DisposableTestDatabase } from '@ketenregie/shared-testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';

const LAUNCHER = `${__dirname}/../../../infra/temporal-dev-server/bin/temporal-dev-server`;
const DAG = 86_400_000;
const JAAR = 365 * DAG;
const DOEL = 'traject.deelnemer';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let db: DisposableTestDatabase;
let kluis: Sleutelkluis;
let volgnummer = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  kluis = new Sleutelkluis(new LokaleKms('m1', { m1: randomBytes(32) }), () =>
    openDatabase({ url: db.url, schema: `${db.schema}_kluis`, entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 2 }),
  );
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: LAUNCHER } } });
  bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
});

afterAll(async () => {
  await env?.teardown();
  await kluis?.sluit();
  await db?.dispose();
});

/** The activities as the worker's adapter does them: the register's period, and the erasure as the destruction of the deelnemer's keys. */
function activiteiten(wissingen: { deelnemerId: string; op: number }[]): BewaartermijnActivities {
  return {
    determineRetention: async ({ einddatum }) => bewaartermijnNaEinde(DEMO_REGISTER, einddatum) ?? null,
    eraseDeelnemer: async ({ deelnemerId }) => {
      if (await kluis.isGewist(deelnemerId)) return 'al-gewist';
      await kluis.vernietig(deelnemerId, 'bewaartermijn-verstreken');
      wissingen.push({ deelnemerId, op: await env.currentTimeMs() });
      return 'gewist';
    },
  };
}

async function metDeelnemer(
  scenario: (s: { deelnemerId: string; taskQueue: string; gegevens: Buffer; wissingen: { deelnemerId: string; op: number }[] }) => Promise<void>,
): Promise<void> {
  volgnummer += 1;
  const deelnemerId = randomUUID();
  const taskQueue = `${CONSENT_TASK_QUEUE}-bewaartermijn-${volgnummer}`;
  const wissingen: { deelnemerId: string; op: number }[] = [];
  const gegevens = await kluis.versleutelJson(deelnemerId, DOEL, { naam: 'Anna Jansen', bsn: '111222333' });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: activiteiten(wissingen) });
  await worker.runUntil(scenario({ deelnemerId, taskQueue, gegevens, wissingen }));
}

/** How traject's end starts the workflow: a signal with start, so a second end reaches the running one. */
async function trajectEindigt(deelnemerId: string, taskQueue: string, trajectId: string) {
  const einddatum = amsterdamDate(await env.currentTimeMs());
  return env.client.workflow.signalWithStart(BEWAARTERMIJN_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: bewaartermijnWorkflowId(deelnemerId),
    args: [{ deelnemerId, gemeente: 'gemeente-zaanstad' }],
    signal: bewaartermijnTrajectBeeindigdSignal,
    signalArgs: [{ trajectId, einddatum }],
  });
}

describe('bewaartermijnWorkflow', () => {
  it('erases the deelnemer when the register’s period after the end of their last traject has passed, not a day before', async () => {
    await metDeelnemer(async ({ deelnemerId, taskQueue, gegevens, wissingen }) => {
      const einde = amsterdamDate(await env.currentTimeMs());
      const handle = await trajectEindigt(deelnemerId, taskQueue, randomUUID());
      // The register in force (version 3) keeps data 7 years after the end of the traject (schuldhulpverlening).
      const wisOp = addMonths(einde, 7 * 12);

      await env.sleep(7 * JAAR - 10 * DAG);
      const onderweg: BewaartermijnStatus = await handle.query(bewaartermijnStatusQuery);
      expect(onderweg).toMatchObject({ lopend: [], laatsteEinde: einde, termijn: { jaren: 7, wisOp, registerVersie: 3 } });
      expect(onderweg.uitkomst).toBeUndefined();
      expect(wissingen).toEqual([]);
      expect(await kluis.ontsleutelJson(DOEL, gegevens)).toEqual({ naam: 'Anna Jansen', bsn: '111222333' });

      expect(await handle.result()).toMatchObject({ uitkomst: 'gewist', termijn: { wisOp } });
      expect(wissingen).toEqual([{ deelnemerId, op: expect.any(Number) }]);
      expect(wissingen[0]?.op).toBeGreaterThanOrEqual(startOfAmsterdamDate(wisOp));
      // The key is gone: what was stored for the deelnemer no longer decrypts, and no new key is made for them.
      await expect(kluis.ontsleutelJson(DOEL, gegevens)).rejects.toBeInstanceOf(SleutelVernietigdFout);
      expect(await kluis.isGewist(deelnemerId)).toBe(true);
      // The workflow id names no one.
      expect(handle.workflowId).toBe(`bewaartermijn-${deelnemerId}`);
    });
  });

  it('erases nothing when a new traject starts before the period ends; its end starts the period again', async () => {
    await metDeelnemer(async ({ deelnemerId, taskQueue, gegevens, wissingen }) => {
      const handle = await trajectEindigt(deelnemerId, taskQueue, randomUUID());
      await env.sleep(3 * JAAR);
      const nieuw = randomUUID();
      await handle.signal(bewaartermijnTrajectGestartSignal, { trajectId: nieuw });

      // Well past the first end's erasure date: the deelnemer is in a traject again, so nothing happens.
      await env.sleep(6 * JAAR);
      expect(await handle.query(bewaartermijnStatusQuery)).toMatchObject({ lopend: [nieuw] });
      expect(wissingen).toEqual([]);
      expect(await kluis.ontsleutelJson(DOEL, gegevens)).toEqual({ naam: 'Anna Jansen', bsn: '111222333' });

      // The new traject ends: the period runs from this end.
      const tweedeEinde = amsterdamDate(await env.currentTimeMs());
      await trajectEindigt(deelnemerId, taskQueue, nieuw);
      await env.sleep(DAG);
      expect(await handle.query(bewaartermijnStatusQuery)).toMatchObject({ lopend: [], termijn: { wisOp: addMonths(tweedeEinde, 7 * 12) } });
      expect(wissingen).toEqual([]);
      await handle.terminate('test done');
    });
  });
});
