/**
 * Replays committed histories of the overdracht workflow (recorded from the dev-server scenarios
 * with EXCHANGE_HISTORIES_RECORD=v1). A change that would break running handovers
 * (non-determinism) fails here; such changes need `patched()`.
 */
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';

const HISTORIES = `${__dirname}/histories`;
const bestanden = existsSync(HISTORIES)
  ? readdirSync(HISTORIES)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

describe('overdracht workflow replay', () => {
  it('has a committed history for every path of the issue', () => {
    expect(bestanden.length).toBeGreaterThanOrEqual(7);
  });

  it('replays every committed history without non-determinism', async () => {
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
    const histories = bestanden.map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(`${HISTORIES}/${f}`, 'utf8'))),
    }));
    const fouten: string[] = [];
    let gespeeld = 0;
    for await (const r of Worker.runReplayHistories({ workflowBundle, replayName: 'overdracht-replay' }, histories)) {
      gespeeld += 1;
      if (r.error) fouten.push(`${r.workflowId}: ${r.error.message}`);
    }
    expect(fouten).toEqual([]);
    expect(gespeeld).toBe(bestanden.length);
  });
});
