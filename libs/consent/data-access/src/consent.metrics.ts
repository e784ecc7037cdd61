import { databaseGauge, quotedSchemaOf } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/** The consent context's gauge: the head of its outbox feed (see `registerTrajectMetrics`). Decisions are counted as they are taken. */
export function registerConsentMetrics(dataSource: DataSource): void {
  const s = quotedSchemaOf(dataSource);
  databaseGauge({
    name: 'ketenregie_outbox_head',
    help: 'Sequence number of the newest event of an outbox feed',
    labelNames: ['outbox'],
    query: () => dataSource.query(`SELECT 'toestemming' AS outbox, coalesce(max(volgnummer), 0)::bigint AS value FROM ${s}.outbox`),
  });
}
