export * from './registry.tokens';
export * from './organisatie-register.service';
export * from './convenant.ports';
export * from './convenant.service';
export * from './projectie.ports';
export * from './projectie.service';
export * from './indicator.service';
