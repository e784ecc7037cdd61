import { databaseGauge, quotedSchemaOf } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/** The plaatsing context's gauges: its outbox's undelivered events and the age of the oldest (its lag). */
export function registerPlaatsingMetrics(dataSource: DataSource): void {
  const s = quotedSchemaOf(dataSource);
  databaseGauge({
    name: 'ketenregie_outbox_lag_seconds',
    help: 'Age of the oldest event of an outbox not yet delivered (0: nothing pending)',
    labelNames: ['outbox'],
    query: () =>
      dataSource.query(
        `SELECT 'plaatsing' AS outbox, coalesce(extract(epoch FROM now() - min(tijd)), 0)::float AS value FROM ${s}.outbox WHERE bezorgd_op IS NULL`,
      ),
  });
  databaseGauge({
    name: 'ketenregie_outbox_pending',
    help: 'Events (deliveries) of an outbox not yet delivered',
    labelNames: ['outbox'],
    query: () => dataSource.query(`SELECT 'plaatsing' AS outbox, count(*)::int AS value FROM ${s}.outbox WHERE bezorgd_op IS NULL`),
  });
}
