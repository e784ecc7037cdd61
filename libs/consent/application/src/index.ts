export * from './consent.tokens';
export * from './consent.ports';
export * from './autorisatie';
export * from './register.service';
export * from './toestemming.service';
export * from './besluit.service';
export * from './verwerking.service';
export * from './consent.activities';
