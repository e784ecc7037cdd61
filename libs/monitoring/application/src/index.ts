export * from './registry.ports';
export * from './registry.tokens';
export * from './organisatie-register.service';
