export * from './aead';
export * from './kms';
export * from './gegevenskluis';
export * from './sleutelkluis';
export * from './payload-codec';
export * from './kluis.config';
export * from './kluis.module';
export * from './workflow-eigenaar';
