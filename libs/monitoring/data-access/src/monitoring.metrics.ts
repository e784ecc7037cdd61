import { databaseGauge, quotedSchemaOf } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/**
 * The monitoring projection's gauge: how far it has read each feed. `ketenregie_outbox_head -
 * ketenregie_feed_position` (by `outbox`) is the feed's lag in events.
 */
export function registerMonitoringMetrics(dataSource: DataSource): void {
  const s = quotedSchemaOf(dataSource);
  databaseGauge({
    name: 'ketenregie_feed_position',
    help: 'Sequence number of the last event of an outbox feed the monitoring projection processed',
    labelNames: ['outbox'],
    query: () => dataSource.query(`SELECT bron AS outbox, laatste AS value FROM ${s}.feed_positie`),
  });
}
