import type { ReplayWorkerOptions } from '@temporalio/worker';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replays the committed histories `bestanden` (JSON files in `map`, named after their workflow)
 * against a workflow bundle: what a workflow test project's replay spec asserts is that `fouten`
 * is empty and every file was played. The Temporal packages are loaded only when called.
 */
export async function replayHistorien(map: string, bestanden: readonly string[], opties: ReplayWorkerOptions): Promise<{ fouten: string[]; gespeeld: number }> {
  const { temporal } = await import('@temporalio/proto');
  const { Worker } = await import('@temporalio/worker');
  const histories = bestanden.map((f) => ({
    workflowId: f.replace(/\.json$/, ''),
    history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(map, f), 'utf8'))),
  }));
  const fouten: string[] = [];
  let gespeeld = 0;
  for await (const r of Worker.runReplayHistories(opties, histories)) {
    gespeeld += 1;
    if (r.error) fouten.push(`${r.workflowId}: ${r.error.message}`);
  }
  return { fouten, gespeeld };
}

/**
 * Writes a workflow's history as JSON under `map`, in a file named after `naam` (a test's name,
 * `weglaten` cut from it): how workflow tests record the histories their replay spec replays.
 */
export async function bewaarHistorie(handle: { fetchHistory(): Promise<object> }, map: string, naam: string, weglaten = ''): Promise<void> {
  const { temporal } = await import('@temporalio/proto');
  const bestand = naam
    .replace(weglaten, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/-$/, '');
  mkdirSync(map, { recursive: true });
  const history = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(await handle.fetchHistory()), {
    longs: String,
    enums: String,
    bytes: String,
  });
  writeFileSync(join(map, `${bestand}.json`), `${JSON.stringify(history, null, 1)}\n`);
}
