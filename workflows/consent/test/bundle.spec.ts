import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH, webpackConfigHook } from './bundler';

describe('consent workflow bundle', () => {
  it('bundles with the workspace path aliases resolved and without Node built-ins', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook, logger: undefined });
    expect(code).toContain('toestemmingLevenscyclusWorkflow');
    expect(code).toContain('consent.toestemmingBeeindigd');
    expect(code).not.toMatch(/require\(["'](fs|net|http|crypto|child_process)["']\)/);
  });
});
