import { Controller, Get, Inject, Injectable, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { isDraining, temporalVerbinding } from '@ketenregie/shared-platform';
import type { GatewayConfig } from './gateway.config';
import type { ServiceName, ServiceUrls } from './route-table';
import { GATEWAY_CONFIG, SERVICE_URLS } from './tokens';

const TIMEOUT_MS = 2_500;

/** One dependency's state in the readiness report. */
export interface CheckResult {
  readonly status: 'up' | 'down';
  readonly [detail: string]: unknown;
}

/** Readiness of what stands behind the gateway. */
@Injectable()
export class GatewayReadiness implements OnModuleDestroy {
  private temporal?: Promise<Connection>;

  constructor(
    @Inject(SERVICE_URLS) private readonly urls: ServiceUrls,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** A service is ready when its own `/health/ready` (database and Temporal) answers 200. */
  async service(name: ServiceName): Promise<CheckResult> {
    try {
      const response = await fetch(`${this.urls[name]}/health/ready`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const body = (await response.json().catch(() => ({}))) as { details?: unknown };
      return { status: response.ok ? 'up' : 'down', ...(body.details ? { checks: body.details } : { httpStatus: response.status }) };
    } catch (error) {
      return { status: 'down', message: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message };
    }
  }

  /** Temporal answers `GetSystemInfo` (the worker depends on it and has no HTTP endpoint of its own). */
  async temporalFrontend(): Promise<CheckResult> {
    const address = this.config.TEMPORAL_ADDRESS;
    try {
      // TLS (its certificate files) is read when a connection is made, not on every probe.
      this.temporal ??= import('@temporalio/client').then(({ Connection }) => {
        const { tls } = temporalVerbinding(this.config);
        return Connection.connect({ address, ...(tls ? { tls } : {}), connectTimeout: TIMEOUT_MS });
      });
      const connection = await this.temporal;
      await connection.withDeadline(Date.now() + TIMEOUT_MS, () => connection.workflowService.getSystemInfo({}));
      return { status: 'up', address };
    } catch (error) {
      this.temporal = undefined;
      return { status: 'down', address, message: (error as Error).message };
    }
  }

  async onModuleDestroy(): Promise<void> {
    const connection = await this.temporal?.catch(() => undefined);
    await connection?.close();
  }
}

/**
 * `GET /health/live`: the gateway process answers. `GET /health/ready`: every routed service is
 * ready (each checks its database and Temporal) and Temporal answers; 503 otherwise, with the
 * state of each part in the body (same shape as the services' readiness).
 */
@ApiExcludeController()
@Controller('health')
export class GatewayHealthController {
  constructor(
    private readonly readiness: GatewayReadiness,
    @Inject(SERVICE_URLS) private readonly urls: ServiceUrls,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'error' | 'shutting_down'; details: Record<string, CheckResult> }> {
    if (isDraining()) {
      res.status(503);
      return { status: 'shutting_down', details: {} };
    }
    const names = Object.keys(this.urls) as ServiceName[];
    const [temporal, ...services] = await Promise.all([this.readiness.temporalFrontend(), ...names.map((n) => this.readiness.service(n))]);
    const details: Record<string, CheckResult> = { temporal };
    names.forEach((name, i) => (details[name] = services[i]));
    const ok = Object.values(details).every((d) => d.status === 'up');
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'error', details };
  }
}
