export * from './organisatie';
export * from './stuurgroep';
export * from './convenant';
export * from './indicator-definities';
export * from './traject-stand';
export * from './indicatoren';
export * from './openbaar';
export * from './pilot';
