/**
 * Replays committed histories of the consent lifecycle workflow. The `v1-*` histories were
 * recorded before the activities were renamed to English (they schedule `herinnerCoach`,
 * `markeerVerlopen`, `toestemmingReikwijdte`): they must still replay, because a lifecycle runs
 * for years and the rename went behind `patched()`.
 */
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';

const HISTORIES = `${__dirname}/histories`;
const bestanden = readdirSync(HISTORIES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('toestemmingLevenscyclusWorkflow replay', () => {
  it('has committed histories from before the rename, with the old activity names', () => {
    const typen = bestanden.flatMap((f) => [...readFileSync(`${HISTORIES}/${f}`, 'utf8').matchAll(/"activityType": \{\s*"name": "(\w+)"/g)].map((m) => m[1]));
    expect(new Set(typen)).toEqual(new Set(['herinnerCoach', 'markeerVerlopen', 'toestemmingReikwijdte']));
  });

  it('replays every committed history without non-determinism', async () => {
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
    const histories = bestanden.map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(`${HISTORIES}/${f}`, 'utf8'))),
    }));
    const fouten: string[] = [];
    let gespeeld = 0;
    for await (const r of Worker.runReplayHistories({ workflowBundle, replayName: 'toestemming-replay' }, histories)) {
      gespeeld += 1;
      if (r.error) fouten.push(`${r.workflowId}: ${r.error.message}`);
    }
    expect(fouten).toEqual([]);
    expect(gespeeld).toBe(bestanden.length);
  });
});
