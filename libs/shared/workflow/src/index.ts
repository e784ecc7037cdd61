export * from './workflow-failure';
export * from './workflow-contract';
