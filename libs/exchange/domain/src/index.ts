export * from './exchange.errors';
export * from './termijnen';
export * from './overdracht';
export * from './dossier';
export * from './besluit';
export * from './verloop';
export * from './verwijzing';
export * from './exchange.records';
