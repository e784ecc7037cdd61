export * from './bsn';
export * from './calendar/amsterdam-time';
export * from './calendar/local-date';
export * from './calendar/working-days';
export * from './errors/domain-error';
export * from './identity';
export * from './feed/cloudevent-feed';
export * from './calendar/dutch-format';
