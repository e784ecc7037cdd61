/**
 * Replays committed histories of the plaatsing workflow (recorded by `plaatsing.workflow.spec.ts`
 * with PLAATSING_HISTORIES_RECORD set): a placement runs for a year and more, so a change to the
 * workflow that would break a running one fails here. The `v1-*` histories were recorded with the
 * warm return through exchange-service (patch `terugleiding-via-exchange-service`).
 */
import { replayHistorien } from '@ketenregie/shared-testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { BUNDLE_OPTIONS } from './bundler';

const HISTORIES = `${__dirname}/histories`;
const bestanden = readdirSync(HISTORIES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('plaatsingWorkflow replay', () => {
  it('has committed histories of a whole placement, a warm return and a refused one', () => {
    const inhoud = bestanden.map((f) => readFileSync(`${HISTORIES}/${f}`, 'utf8'));
    expect(bestanden.length).toBeGreaterThanOrEqual(3);
    // The return registered with exchange-service (behind the patch), and refused once.
    expect(inhoud.some((h) => h.includes('"requestReturn"'))).toBe(true);
    expect(bestanden.some((f) => f.includes('refuses'))).toBe(true);
  });

  it('replays every committed history without non-determinism', async () => {
    const { fouten, gespeeld } = await replayHistorien(HISTORIES, bestanden, {
      workflowBundle: await bundleWorkflowCode(BUNDLE_OPTIONS),
      replayName: 'plaatsing-replay',
    });
    expect(fouten).toEqual([]);
    expect(gespeeld).toBe(bestanden.length);
  });
});
