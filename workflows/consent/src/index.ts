/** Workflows entry (`workflowsPath`) of the consent task queue. */
export { toestemmingLevenscyclusWorkflow } from './toestemming-levenscyclus.workflow';
export { bewaartermijnWorkflow } from './bewaartermijn.workflow';
