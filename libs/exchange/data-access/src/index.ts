export * from './exchange.migrations';
export * from './overdracht.repository';
export * from './dossier.repository';
export * from './verwijzing.repository';
export * from './abonnement.repository';
export * from './outbox.repository';
export * from './exchange.repositories';

/** Schema of the exchange context (exchange-service, and the worker's exchange activities). */
export const EXCHANGE_SCHEMA = 'exchange';
export * from './exchange.metrics';
