import type { RunStatus } from '../../model/run-state';

/** Whether a workflow id whose last run closed with `status` may start again under `policy`. */
export function idReuseAllowed(policy: string | undefined, status: RunStatus): boolean {
  switch (policy) {
    case 'WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE':
      return false;
    case 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY':
      return status !== 'Completed' && status !== 'ContinuedAsNew';
    default:
      return true;
  }
}
