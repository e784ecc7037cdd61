import { Controller, DynamicModule, Get, Inject, Injectable, Module, OnModuleDestroy, ServiceUnavailableException, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Connection, TLSConfig } from '@temporalio/client';
import { Public } from '../auth/auth.decorators';
import { isDraining } from '../bootstrap/graceful-shutdown';

/** What readiness checks. */
export interface HealthOptions {
  /** Check the service's database (needs `DatabaseModule`). Default `true`. */
  readonly database?: boolean;
  /**
   * Check the Temporal frontend at this address (`GetSystemInfo`, and `DescribeNamespace` when a
   * namespace is given), with the client's TLS, or `false` for a service without Temporal.
   */
  readonly temporal: false | { readonly address: string; readonly namespace?: string; readonly tls?: TLSConfig };
  /** Per-check timeout in milliseconds (default 2000). */
  readonly timeoutMs?: number;
}

const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Readiness indicators for the database (`SELECT 1`) and Temporal (`GetSystemInfo`, `DescribeNamespace`). */
@Injectable()
export class ReadinessIndicators implements OnModuleDestroy {
  private temporal?: Promise<Connection>;

  constructor(
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    try {
      const dataSource = this.moduleRef.get(DataSource, { strict: false });
      await withTimeout(dataSource.query('SELECT 1'), this.options.timeoutMs ?? 2000, 'The database');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  async temporalFrontend(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('temporal');
    const target = this.options.temporal;
    if (!target) return check.up({ checked: false });
    const timeoutMs = this.options.timeoutMs ?? 2000;
    try {
      this.temporal ??= import('@temporalio/client').then(({ Connection }) =>
        Connection.connect({ address: target.address, ...(target.tls ? { tls: target.tls } : {}), connectTimeout: timeoutMs }),
      );
      const connection = await withTimeout(this.temporal, timeoutMs, 'Temporal');
      await connection.withDeadline(Date.now() + timeoutMs, async () => {
        await connection.workflowService.getSystemInfo({});
        if (target.namespace) await connection.workflowService.describeNamespace({ namespace: target.namespace });
      });
      return check.up({ address: target.address, ...(target.namespace ? { namespace: target.namespace } : {}) });
    } catch (error) {
      this.temporal = undefined;
      return check.down({ address: target.address, message: (error as Error).message });
    }
  }

  async onModuleDestroy(): Promise<void> {
    const connection = await this.temporal?.catch(() => undefined);
    await connection?.close();
  }
}

/** `GET /health/live` (the process answers) and `GET /health/ready` (its dependencies answer). */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 from the moment the process received SIGTERM (it drains and stops), else the dependencies' state. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    if (isDraining()) {
      res.status(503);
      return { status: 'shutting_down', info: {}, error: {}, details: {} };
    }
    const checks = [
      ...(this.options.database === false ? [] : [() => this.readiness.database()]),
      ...(this.options.temporal ? [() => this.readiness.temporalFrontend()] : []),
    ];
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        res.status(503);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}

/** Health endpoints; register once in each service's root module. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, useValue: options }, ReadinessIndicators],
    };
  }
}
