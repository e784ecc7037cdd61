export * from './organisatie';
export * from './stuurgroep';
export * from './registry.ports';
