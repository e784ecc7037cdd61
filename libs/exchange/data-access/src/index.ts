export * from './exchange.opslag';

/** Schema of the exchange context (exchange-service, and the worker's exchange activities). */
export const EXCHANGE_SCHEMA = 'exchange';
export * from './exchange.metrics';
