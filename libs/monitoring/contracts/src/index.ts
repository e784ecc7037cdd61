export * from './organisatie-registry.contracts';
export * from './convenant.contracts';
