/**
 * Replays committed histories of the consent lifecycle workflow. The `v1-*` histories were
 * recorded before the activities were renamed to English (they schedule `herinnerCoach`,
 * `markeerVerlopen`, `toestemmingReikwijdte`): they must still replay, because a lifecycle runs
 * for years and the rename went behind `patched()`. The `v2-*` histories were recorded with the
 * English names, before a withdrawn or expired consent ended its receivers' access; the `v3-*`
 * ones with `endReceiverAccess` (behind `patched(CONSENT_END_RECEIVER_ACCESS)`).
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
  const typen = (versie: string) =>
    new Set(
      bestanden
        .filter((f) => f.startsWith(`${versie}-`))
        .flatMap((f) => [...readFileSync(`${HISTORIES}/${f}`, 'utf8').matchAll(/"activityType": \{\s*"name": "(\w+)"/g)].map((m) => m[1])),
    );

  it('has committed histories from before the rename, with the old activity names', () => {
    expect(typen('v1')).toEqual(new Set(['herinnerCoach', 'markeerVerlopen', 'toestemmingReikwijdte']));
  });

  it("has committed histories from before and after the end of a consent ended its receivers' access", () => {
    expect(typen('v2')).toEqual(new Set(['remindCoach', 'recordExpiry', 'readScope']));
    expect(typen('v3')).toEqual(new Set(['remindCoach', 'recordExpiry', 'readScope', 'endReceiverAccess']));
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
