import { databaseGauge, quotedSchemaOf } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/** The exchange context's gauges: the CloudEvents outbox's undelivered deliveries and the age of the oldest (its lag). */
export function registerExchangeMetrics(dataSource: DataSource): void {
  const s = quotedSchemaOf(dataSource);
  const open = `FROM ${s}.outbox_aflevering a JOIN ${s}.outbox o ON o.id = a.event_id WHERE a.afgeleverd_op IS NULL AND a.opgegeven_op IS NULL`;
  databaseGauge({
    name: 'ketenregie_outbox_lag_seconds',
    help: 'Age of the oldest event of an outbox not yet delivered (0: nothing pending)',
    labelNames: ['outbox'],
    query: () => dataSource.query(`SELECT 'exchange' AS outbox, coalesce(extract(epoch FROM now() - min(o.tijd)), 0)::float AS value ${open}`),
  });
  databaseGauge({
    name: 'ketenregie_outbox_pending',
    help: 'Events (deliveries) of an outbox not yet delivered',
    labelNames: ['outbox'],
    query: () => dataSource.query(`SELECT 'exchange' AS outbox, count(*)::int AS value ${open}`),
  });
}
