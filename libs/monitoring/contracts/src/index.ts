export * from './organisatie-registry.contracts';
export * from './convenant.contracts';
export * from './monitoring.workflow-contract';
export * from './indicatoren.contracts';
export * from './feed.contracts';
export * from './inzet.contracts';
