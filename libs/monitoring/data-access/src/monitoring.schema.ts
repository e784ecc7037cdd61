/** The PostgreSQL schema owned by monitor-service; no other service reads or writes it. */
export const MONITORING_SCHEMA = 'monitoring';
