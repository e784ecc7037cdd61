export * from './organisatie';
export * from './stuurgroep';
