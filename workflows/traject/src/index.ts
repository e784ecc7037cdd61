/** Workflows entry (`workflowsPath`) of the traject task queue. */
export { trajectWorkflow } from './traject.workflow';
