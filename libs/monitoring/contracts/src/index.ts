export * from './organisatie-registry.contracts';
export * from './convenant.contracts';
export * from './monitoring.workflow-contract';
export * from './feed.contracts';
