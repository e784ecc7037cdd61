import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import type { GatewayConfig } from './gateway.config';
import { RegistryClient } from './registry.client';
import { ROUTE_TABLE } from './route-table';
import { renderStartPage } from './start-page';
import { GATEWAY_CONFIG } from './tokens';

/** `GET /`: what runs, where the docs are, which organisations exist, how to get a token. */
@ApiExcludeController()
@Controller()
export class StartPageController {
  constructor(
    private readonly registry: RegistryClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Req() req: Request): Promise<string> {
    const organisaties = await this.registry.list().catch((error: Error) => ({ error: error.message }));
    const host = /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host ?? '') ? req.headers.host : `localhost:${this.config.PORT}`;
    return renderStartPage({ mode: this.config.KETENREGIE_MODE, baseUrl: `${req.protocol}://${host}`, routes: ROUTE_TABLE, organisaties });
  }
}
