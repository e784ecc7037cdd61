/** Workflows entry (`workflowsPath`) of the monitoring task queue. */
export { pilotEvaluatieWorkflow } from './pilot-evaluatie.workflow';
export { convenantMonitorWorkflow } from './convenant-monitor.workflow';
