/** Workflows entry (`workflowsPath`) of the consent task queue. */
export { toestemmingLevenscyclusWorkflow } from './toestemming-levenscyclus.workflow';
