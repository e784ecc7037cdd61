import { Controller, DefaultValuePipe, Get, Inject, ParseIntPipe, Query, type Type } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { feedGrenzen, feedPagina, type FeedPagina, type FeedRij } from '@ketenregie/shared-kernel';
import type { Toegang } from '../access/toegang';
import { CurrentIdentity, ServiceActor } from '../auth/auth.decorators';
import type { Identity } from '../auth/identity';

/** A context's use case that serves its outbox as a feed page (access decided inside). */
export interface FeedLezer {
  pagina(na: number, max: number, door: Identity): Promise<FeedPagina<unknown>>;
}

/** What one context's feed serves: its CloudEvents source, its outbox rows after a sequence, and what it publishes of a row. */
export interface FeedBron<D> {
  readonly source: string;
  rijen(na: number, max: number): Promise<readonly FeedRij[]>;
  /** Codes and opaque ids only: a feed carries no personal data. */
  data(r: FeedRij): D;
}

/**
 * One page of a context's outbox feed for `door`: the access check (`gebeurtenissen.lezen`,
 * service token only), the page bounds ({@link feedGrenzen}) and the CloudEvents page. Every
 * context's {@link FeedLezer} serves its page with this one.
 */
export async function leesFeedPagina<D>(toegang: Toegang, door: Identity, na: number, max: number, bron: FeedBron<D>): Promise<FeedPagina<D>> {
  await toegang.eis(door, 'gebeurtenissen.lezen');
  const g = feedGrenzen(na, max);
  return feedPagina(bron.source, await bron.rijen(g.na, g.max), g.na, (r) => bron.data(r));
}

/**
 * A context's outbox feed use case ({@link FeedLezer}) over {@link leesFeedPagina}: a context's
 * feed service extends it with its {@link FeedBron}, `P` being the page type of its contract.
 */
export abstract class OutboxFeed<P extends FeedPagina<unknown>> implements FeedLezer {
  protected constructor(
    private readonly toegang: Toegang,
    private readonly bron: FeedBron<unknown>,
  ) {}

  async pagina(na: number, max: number, door: Identity): Promise<P> {
    return (await leesFeedPagina(this.toegang, door, na, max, this.bron)) as P;
  }
}

/**
 * The controller of a context's outbox feed (`GET /api/v1/<pad>?na=&max=`, service token only,
 * no personal data): every context that publishes to monitor-service serves its feed with this one.
 */
export function feedController(pad: string, tag: string, omschrijving: string, lezer: Type<FeedLezer>): Type<unknown> {
  @ApiTags(tag)
  @Controller(pad)
  class FeedController {
    constructor(@Inject(lezer) private readonly feed: FeedLezer) {}

    @Get()
    @ServiceActor('required')
    // One operationId per feed: the gateway merges every service's document into one.
    @ApiOperation({
      summary: omschrijving,
      operationId: `${pad.replace(/^\/?api\/v1\//, '').replace(/[^a-z0-9]+(.)/gi, (_, c: string) => c.toUpperCase())}Pagina`,
    })
    @ApiQuery({ name: 'na', required: false, description: 'Last sequence number already processed (default 0)' })
    @ApiQuery({ name: 'max', required: false, description: 'Page size, at most 1000 (default 500)' })
    pagina(
      @Query('na', new DefaultValuePipe(0), ParseIntPipe) na: number,
      @Query('max', new DefaultValuePipe(500), ParseIntPipe) max: number,
      @CurrentIdentity() door: Identity,
    ) {
      return this.feed.pagina(na, max, door);
    }
  }
  return FeedController;
}
