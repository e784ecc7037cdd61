export * from './organisatie-registry.contracts';
