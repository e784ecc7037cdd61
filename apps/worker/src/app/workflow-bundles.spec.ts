import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prebuiltWorkflowBundles, workflowBundleFile } from './workflow-bundles';

describe('prebuiltWorkflowBundles', () => {
  const registrations = [
    { taskQueue: 'traject', workflowsPath: '/src/traject.ts' },
    { taskQueue: 'alleen-activiteiten' },
    { taskQueue: 'consent', workflowsPath: '/src/consent.ts' },
  ];
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bundles-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is undefined without a bundle directory: the worker runs from source and bundles at start', () => {
    expect(prebuiltWorkflowBundles(registrations, join(dir, 'absent'))).toBeUndefined();
  });

  it('maps every task queue with workflow code to its bundle; an activity-only queue needs none', () => {
    for (const q of ['traject', 'consent']) writeFileSync(workflowBundleFile(dir, q), '');
    expect(prebuiltWorkflowBundles(registrations, dir)).toEqual({ traject: join(dir, 'traject.js'), consent: join(dir, 'consent.js') });
  });

  it('refuses a build that lacks one bundle instead of falling back to source', () => {
    writeFileSync(workflowBundleFile(dir, 'traject'), '');
    expect(() => prebuiltWorkflowBundles(registrations, dir)).toThrow('the prebuilt workflow bundle of task queue consent is missing');
  });
});
