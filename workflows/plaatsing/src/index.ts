/** Workflows entry (`workflowsPath`) of the plaatsing task queue. */
export { plaatsingWorkflow } from './plaatsing.workflow';
