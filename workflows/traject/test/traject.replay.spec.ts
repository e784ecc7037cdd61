/**
 * Replays committed histories of the traject workflow (recorded from the dev-server scenarios
 * with TRAJECT_HISTORIES_RECORD=1). A change to the workflow that would break running trajecten
 * (non-determinism) fails here; such changes need `patched()`.
 */
import { replayHistorien } from '@ketenregie/shared-testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { BUNDLE_OPTIONS } from './bundler';

const HISTORIES = `${__dirname}/histories`;
const bestanden = readdirSync(HISTORIES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('traject workflow replay', () => {
  it('has committed histories to replay', () => {
    expect(bestanden.length).toBeGreaterThanOrEqual(5);
  });

  it('covers both sides of every patch: v1 histories predate projectie-eerst, v2 histories carry its marker', () => {
    const metMarker = (f: string) => readFileSync(`${HISTORIES}/${f}`, 'utf8').includes('core_patch');
    expect(bestanden.filter((f) => f.startsWith('v1-')).map(metMarker)).toEqual(bestanden.filter((f) => f.startsWith('v1-')).map(() => false));
    expect(bestanden.filter((f) => f.startsWith('v2-')).every(metMarker)).toBe(true);
    expect(bestanden.filter((f) => f.startsWith('v2-')).length).toBeGreaterThanOrEqual(5);
  });

  it('covers the warm handover: v3 histories start an overdracht child on the exchange task queue', () => {
    const v3 = bestanden.filter((f) => f.startsWith('v3-')).map((f) => readFileSync(`${HISTORIES}/${f}`, 'utf8'));
    expect(v3.length).toBeGreaterThanOrEqual(1);
    expect(v3.every((h) => h.includes('startChildWorkflowExecutionInitiatedEventAttributes') && h.includes('"name": "exchange"'))).toBe(true);
  });

  it('covers both sides of uitkomsten-in-een-transactie: v4 histories write through local activities only, older ones through activity tasks', () => {
    const lees = (f: string) => readFileSync(`${HISTORIES}/${f}`, 'utf8');
    const v4 = bestanden.filter((f) => f.startsWith('v4-'));
    expect(v4.length).toBeGreaterThanOrEqual(5);
    expect(v4.every((f) => lees(f).includes('core_local_activity') && !lees(f).includes('activityTaskScheduledEventAttributes'))).toBe(true);
    expect(bestanden.filter((f) => !f.startsWith('v4-')).some((f) => lees(f).includes('core_local_activity'))).toBe(false);
  });

  it('covers programmes as data: histories of programmes with case meetings and a yearly ladder review', () => {
    const invoer = (f: string) => {
      const h = JSON.parse(readFileSync(`${HISTORIES}/${f}`, 'utf8')) as {
        events: { workflowExecutionStartedEventAttributes?: { input: { payloads: { data: string }[] } } }[];
      };
      const data = h.events[0].workflowExecutionStartedEventAttributes?.input.payloads[0].data ?? '';
      return JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as {
        programma: { casuistiekoverleg?: unknown; instrumenten: { ladderHerbeoordelingMaanden?: number } };
      };
    };
    const programmas = bestanden.filter((f) => f.includes('-programma-')).map((f) => invoer(f).programma);
    expect(programmas.filter((p) => p.casuistiekoverleg !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(programmas.some((p) => p.instrumenten.ladderHerbeoordelingMaanden === 12)).toBe(true);
  });

  it('replays every committed history without non-determinism', async () => {
    const { fouten, gespeeld } = await replayHistorien(HISTORIES, bestanden, {
      workflowBundle: await bundleWorkflowCode(BUNDLE_OPTIONS),
      replayName: 'traject-replay',
    });
    expect(fouten).toEqual([]);
    expect(gespeeld).toBe(bestanden.length);
  });
});
