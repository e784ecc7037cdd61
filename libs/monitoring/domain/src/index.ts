export * from './organisatie';
export * from './stuurgroep';
export * from './registry.ports';
export * from './convenant';
export * from './indicator-definities';
