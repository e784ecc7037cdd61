import { consentWorkerRegistration } from '../consent/consent.registration';
import { exchangeWorkerRegistration } from '../exchange/exchange.registration';
import { plaatsingWorkerRegistration } from '../plaatsing/plaatsing.registration';
import { monitoringWorkerRegistration } from '../monitoring/monitoring.registration';
import { trajectWorkerRegistration } from '../traject/traject.registration';
import type { WorkerRegistration } from './worker-registration';

/**
 * Every worker this process hosts. A context adds its worker here with one line, e.g.
 * `trajectWorkerRegistration` exported next to its activity adapters.
 */
export const registrations: readonly WorkerRegistration[] = [
  trajectWorkerRegistration,
  exchangeWorkerRegistration,
  consentWorkerRegistration,
  plaatsingWorkerRegistration,
  monitoringWorkerRegistration,
];

/**
 * The registrations of `WORKER_TASK_QUEUES` (every one when unset), in the order above.
 * @throws Error naming the setting when it lists a task queue no registration polls
 */
export function registrationsFor(taskQueues: readonly string[] | undefined, all: readonly WorkerRegistration[] = registrations): readonly WorkerRegistration[] {
  if (!taskQueues || taskQueues.length === 0) return all;
  const known = all.map((r) => r.taskQueue);
  const unknown = taskQueues.filter((q) => !known.includes(q));
  if (unknown.length > 0) throw new Error(`WORKER_TASK_QUEUES: unknown task queue ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return all.filter((r) => taskQueues.includes(r.taskQueue));
}
