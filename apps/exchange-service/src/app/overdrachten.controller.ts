import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OverdrachtService, VerwijzingService } from '@ketenregie/exchange-application';
import type { OverdrachtFilter } from '@ketenregie/exchange-application';
import { driegesprekSchema } from '@ketenregie/exchange-contracts';
import type {
  DossierDto as DossierBody,
  DriegesprekDto,
  InboxDto as InboxBody,
  OverdrachtDetailDto as OverdrachtDetailBody,
  OverdrachtDto as OverdrachtBody,
  OverdrachtLijstDto as OverdrachtLijstBody,
} from '@ketenregie/exchange-contracts';
import { ZodValidationPipe } from 'nestjs-zod';
import { aanroepVan, CurrentIdentity, Identity, ServiceActor } from '@ketenregie/shared-platform';
import type { Request } from 'express';
import {
  AcceptatieDto,
  AfwijzingDto,
  AnnuleringDto,
  DossierDto,
  InboxDto,
  OverdrachtAanvraagDto,
  OverdrachtDetailDto,
  OverdrachtDto,
  OverdrachtLijstDto,
  OverdrachtLijstQueryDto,
  ToestemmingMeldingDto,
} from './exchange.dto';
import { inboxRegel, overdrachtDto, verwijzingDto } from './exchange.mappers';

/** The partner inbox: incoming and outgoing handovers and referrals of the caller's organisation. */
@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly overdrachten: OverdrachtService,
    private readonly verwijzingen: VerwijzingService,
  ) {}

  @Get()
  @ApiOperation({ summary: "What is waiting for the caller's organisation, with deadlines" })
  @ApiOkResponse({ type: InboxDto })
  async inbox(@CurrentIdentity() door: Identity): Promise<InboxBody> {
    const { overdrachten, taken } = await this.overdrachten.inbox(door);
    const verwijzingen = await this.verwijzingen.vanOrganisatie(door);
    return {
      overdrachten: overdrachten.map(inboxRegel),
      verwijzingen: verwijzingen.map((v) => ({ ...verwijzingDto(v), richting: v.richting })),
      taken: taken.map((t) => ({ overdrachtId: t.overdrachtId, voor: t.voor, soort: t.soort, ...(t.vervalt ? { vervalt: t.vervalt } : {}) })),
    };
  }
}

/** Warm handovers. A third organisation gets 404 for every one it is not part of. */
@ApiTags('overdrachten')
@Controller('overdrachten')
export class OverdrachtenController {
  constructor(private readonly overdrachten: OverdrachtService) {}

  @Post()
  @ServiceActor()
  @ApiOperation({
    summary:
      "Ask another organisation to take over (starts the warm handover); also the worker's, acting for a professional (the werkgever lane's warm return), idempotent on `overdrachtId`",
  })
  @ApiOkResponse({ type: OverdrachtDto })
  async vraagAan(@Body() body: OverdrachtAanvraagDto, @CurrentIdentity() door: Identity, @Req() req: Request): Promise<OverdrachtBody> {
    const o = await this.overdrachten.vraagAan(body, door, aanroepVan(req));
    return overdrachtDto({ overdracht: o, richting: 'uitgaand' });
  }

  @Get()
  @ApiOperation({
    summary: "One page of the handovers the caller's organisation sends or receives (a receiver only once consent permitted it), most recently changed first",
  })
  @ApiOkResponse({ type: OverdrachtLijstDto })
  async lijst(@Query() query: OverdrachtLijstQueryDto, @CurrentIdentity() door: Identity): Promise<OverdrachtLijstBody> {
    const { overdrachten, totaal } = await this.overdrachten.lijst(door, {
      ...(query.richting ? { richting: query.richting } : {}),
      ...(query.status ? { status: query.status as OverdrachtFilter['status'] } : {}),
      pagina: query.pagina,
      limiet: query.limiet,
    });
    return { overdrachten: overdrachten.map(inboxRegel), totaal, pagina: query.pagina, limiet: query.limiet };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A handover; the sender also sees, once delivered, which fields went to the receiver and which were left out and why' })
  @ApiOkResponse({ type: OverdrachtDetailDto })
  async bekijk(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity): Promise<OverdrachtDetailBody> {
    const inzicht = await this.overdrachten.bekijk(id, door);
    const levering = await this.overdrachten.levering(inzicht);
    return {
      ...overdrachtDto(inzicht),
      ...(levering
        ? {
            levering: {
              geleverdOp: levering.geleverdOp.toISOString(),
              ingetrokken: levering.ingetrokken,
              geleverd: levering.geleverd.map((g) => ({ categorie: g.categorie, velden: [...g.velden] })),
              weggelaten: levering.weggelaten.map((w) => ({ ...w })),
            },
          }
        : {}),
    };
  }

  @Post(':id/acceptatie')
  @HttpCode(200)
  @ApiOperation({ summary: 'The receiver accepts within the deadline' })
  async accepteer(@Param('id', ParseUUIDPipe) id: string, @Body() body: AcceptatieDto, @CurrentIdentity() door: Identity): Promise<OverdrachtBody> {
    return overdrachtDto(await this.overdrachten.accepteer(id, body, door));
  }

  @Post(':id/afwijzing')
  @HttpCode(200)
  @ApiOperation({ summary: 'The receiver rejects, with a coded reason and advice back to the sender' })
  async wijsAf(@Param('id', ParseUUIDPipe) id: string, @Body() body: AfwijzingDto, @CurrentIdentity() door: Identity): Promise<OverdrachtBody> {
    return overdrachtDto(await this.overdrachten.wijsAf(id, body, door));
  }

  @Post(':id/toestemming')
  @HttpCode(200)
  @ApiOperation({ summary: 'The sender reports on consent: asked, recorded (re-check), refused' })
  async toestemming(@Param('id', ParseUUIDPipe) id: string, @Body() body: ToestemmingMeldingDto, @CurrentIdentity() door: Identity): Promise<OverdrachtBody> {
    return overdrachtDto(await this.overdrachten.meldToestemming(id, body, door));
  }

  @Post(':id/driegesprek')
  @HttpCode(200)
  @ApiOperation({ summary: 'Plan the driegesprek, confirm it was held, or report a no-show (re-plan)' })
  async driegesprek(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(driegesprekSchema)) body: DriegesprekDto,
    @CurrentIdentity() door: Identity,
  ): Promise<OverdrachtBody> {
    return overdrachtDto(await this.overdrachten.driegesprek(id, body, door));
  }

  @Post(':id/annulering')
  @HttpCode(200)
  async annuleer(@Param('id', ParseUUIDPipe) id: string, @Body() body: AnnuleringDto, @CurrentIdentity() door: Identity): Promise<OverdrachtBody> {
    return overdrachtDto(await this.overdrachten.annuleer(id, body, door));
  }

  @Post(':id/heraanbieding')
  @HttpCode(200)
  @ApiOperation({ summary: 'After a first rejection, offer the handover once more' })
  async bied(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity): Promise<OverdrachtBody> {
    return overdrachtDto(await this.overdrachten.bied(id, door));
  }

  @Get(':id/dossier')
  @ApiOperation({ summary: 'The minimal dossier (receiver only); every read is logged, a withdrawn dossier is denied' })
  @ApiOkResponse({ type: DossierDto })
  async dossier(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity, @Req() req: Request): Promise<DossierBody> {
    const d = await this.overdrachten.leesDossier(id, door, aanroepVan(req));
    return { overdrachtId: d.overdrachtId, geleverdOp: d.geleverdOp.toISOString(), categorieen: d.categorieen };
  }

  @Get(':id/inzagen')
  @ApiOperation({ summary: 'Every read attempt of the dossier, allowed or denied' })
  async inzagen(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity) {
    return (await this.overdrachten.inzagen(id, door)).map((i) => ({ ...i, op: i.op?.toISOString() }));
  }
}
