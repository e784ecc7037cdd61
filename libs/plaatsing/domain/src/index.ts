export * from './plaatsing.errors';
export * from './werkgever';
export * from './vacature';
export * from './plaatsing';
export * from './weergave';
export * from './overzicht';
export * from './taken';
