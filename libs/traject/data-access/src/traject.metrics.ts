import { databaseGauge, quotedSchemaOf } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/**
 * The traject context's gauges, read when Prometheus scrapes: open trajecten by phase, overdue
 * deadlines (tasks past their date, not done) and the head of its outbox feed (the monitoring
 * projection's `ketenregie_feed_position` subtracted from it is the feed's lag in events).
 */
export function registerTrajectMetrics(dataSource: DataSource): void {
  const s = quotedSchemaOf(dataSource);
  databaseGauge({
    name: 'ketenregie_trajecten_open',
    help: 'Open trajecten (not closed, not dropped out) by phase',
    labelNames: ['fase'],
    query: () =>
      dataSource.query(`SELECT fase, count(*)::int AS value FROM ${s}.traject_overzicht WHERE status NOT IN ('afgesloten', 'uitgevallen') GROUP BY fase`),
  });
  databaseGauge({
    name: 'ketenregie_deadlines_overdue',
    help: 'Deadlines past their date and not met, by context',
    labelNames: ['context'],
    query: () =>
      dataSource.query(
        `SELECT 'traject' AS context, count(*)::int AS value FROM ${s}.taak WHERE status <> 'afgerond' AND vervalt < (now() AT TIME ZONE 'Europe/Amsterdam')::date`,
      ),
  });
  databaseGauge({
    name: 'ketenregie_outbox_head',
    help: 'Sequence number of the newest event of an outbox feed',
    labelNames: ['outbox'],
    query: () => dataSource.query(`SELECT 'traject' AS outbox, coalesce(max(volgnummer), 0)::bigint AS value FROM ${s}.outbox`),
  });
}
