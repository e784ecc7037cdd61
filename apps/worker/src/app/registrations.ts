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
