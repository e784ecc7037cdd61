/** Workflows entry (`workflowsPath`) of the exchange task queue. */
export { overdrachtWorkflow } from './overdracht.workflow';
