export * from './exchange.opslag';
