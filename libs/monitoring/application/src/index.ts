export * from './registry.tokens';
export * from './organisatie-register.service';
