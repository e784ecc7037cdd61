export * from './workflow-failure';
