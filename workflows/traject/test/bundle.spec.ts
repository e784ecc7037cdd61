import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';

describe('traject workflow bundle', () => {
  it('bundles with the workspace path aliases resolved and without Node built-ins', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook, logger: undefined });
    expect(code).toContain('trajectWorkflow');
    // The pure rules travel into the sandbox through contracts.
    expect(code).toContain('TRAJECT.PHASE_INVALID');
    expect(code).not.toMatch(/require\(["'](fs|net|http|child_process)["']\)/);
  });

  it('fails to bundle without the paths plugin (the reason the hook exists)', async () => {
    await expect(bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH })).rejects.toThrow(/Webpack finished with errors/);
  });
});
