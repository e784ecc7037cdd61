/** Bundle entry of the tests: the consent workflows plus a stand-in dependant. */
export * from '../src/index';
export { afhankelijkeWorkflow } from './afhankelijke.workflow';
