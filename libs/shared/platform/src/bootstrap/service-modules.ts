import type { DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuthModule } from '../auth/auth.module';
import { DatabaseModule, type DatabaseOptions } from '../database/database';
import type { TemporalConfig } from '../config/config';
import { HealthModule, type HealthOptions } from '../health/health';
import { DatabaseMetricsModule } from '../observability/metrics';
import { temporalVerbinding } from '../temporal/temporal-client';

/** The configuration every service with its own schema reads (validated once in its config module). */
export interface ServiceBasisConfig extends TemporalConfig {
  readonly DATABASE_URL: string;
  readonly DATABASE_STATEMENT_TIMEOUT_MS: number;
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
  readonly AUTH_JWKS_URL: string;
}

/** What differs per service: its schema, migrations and metrics, and whether health checks Temporal. */
export interface ServiceBasisOptions extends Pick<DatabaseOptions, 'schema' | 'entities' | 'migrations' | 'poolSize'> {
  /** Shown in `pg_stat_activity`: the service's name. */
  readonly applicationName: string;
  /** Registers the service's database gauges. */
  readonly metrics: (dataSource: DataSource) => void;
  /** The Temporal frontend health checks; by default the configured one ({@link temporalVerbinding}). */
  readonly temporal?: HealthOptions['temporal'];
}

/**
 * The modules every service with its own schema starts with, in this order: its database (migrated
 * on start), the database gauges, token verification, and health. One place, so that a new
 * context starts the way the others do.
 */
export function serviceBasisModules(config: ServiceBasisConfig, o: ServiceBasisOptions): DynamicModule[] {
  return [
    DatabaseModule.forRoot({
      url: config.DATABASE_URL,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      schema: o.schema,
      entities: o.entities,
      migrations: o.migrations,
      applicationName: o.applicationName,
      ...(o.poolSize === undefined ? {} : { poolSize: o.poolSize }),
    }),
    DatabaseMetricsModule.forRoot(o.metrics),
    AuthModule.forRoot({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, jwksUrl: config.AUTH_JWKS_URL }),
    HealthModule.forRoot({ temporal: o.temporal ?? temporalVerbinding(config) }),
  ];
}
