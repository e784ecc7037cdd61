export * from './registry.tokens';
export * from './organisatie-register.service';
export * from './convenant.ports';
export * from './convenant.service';
