import { bundleWorkflowCode } from '@temporalio/worker';
import { BUNDLE_OPTIONS, WORKFLOWS_PATH, webpackConfigHook } from './bundler';

describe('traject workflow bundle', () => {
  it('bundles with the workspace path aliases resolved and without Node built-ins', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook, logger: undefined });
    expect(code).toContain('trajectWorkflow');
    // The pure rules travel into the sandbox through contracts.
    expect(code).toContain('TRAJECT.PHASE_INVALID');
    expect(code).not.toMatch(/require\(["'](fs|net|http|child_process)["']\)/);
  });

  it('as the worker bundles it, leaves out the library modules the workflow never uses (built per cached workflow otherwise)', async () => {
    const volledig = (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook, logger: undefined })).code;
    const { code } = await bundleWorkflowCode({ ...BUNDLE_OPTIONS, logger: undefined });
    expect(volledig).toContain('libs/exchange/contracts/src/exchange.cloudevents.ts');
    expect(code).not.toContain('libs/exchange/contracts/src/exchange.cloudevents.ts');
    expect(code).toContain('trajectWorkflow');
    expect(code).toContain('TRAJECT.PHASE_INVALID');
  });

  it('fails to bundle without the paths plugin (the reason the hook exists)', async () => {
    await expect(bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH })).rejects.toThrow(/Webpack finished with errors/);
  });
});
