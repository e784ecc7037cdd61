export * from './aead';
export * from './kms';
export * from './gegevenskluis';
export * from './sleutelkluis';
export * from './payload-codec';
export * from './kluis.config';
