import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AbonnementService, VerwijzingService } from '@ketenregie/exchange-application';
import { verwijzingStatusSchema } from '@ketenregie/exchange-contracts';
import type {
  AbonnementDto as AbonnementBody,
  NieuwAbonnementDto as NieuwAbonnementBody,
  VerwijzingDto as VerwijzingBody,
  VerwijzingStatusDto,
} from '@ketenregie/exchange-contracts';
import { ZodValidationPipe } from 'nestjs-zod';
import { aanroepVan, CurrentIdentity, Identity } from '@ketenregie/shared-platform';
import type { Request } from 'express';
import { AbonnementAanvraagDto, AbonnementDto, NieuwAbonnementDto, VerwijzingAanvraagDto, VerwijzingDto } from './exchange.dto';
import { verwijzingDto } from './exchange.mappers';

/** Referrals without transfer of the lead, with statuses returned by the receiver. */
@ApiTags('verwijzingen')
@Controller('verwijzingen')
export class VerwijzingenController {
  constructor(private readonly verwijzingen: VerwijzingService) {}

  @Post()
  @ApiOperation({
    summary: 'Refer a deelnemer (schuldhulp, Wmo, GGZ treatment, huisarts, vrijwilligerswerk)',
    description:
      'Only after a consent decision permits the contact details to go to the receiver; the disclosure is logged. A refused referral stores nothing.',
  })
  @ApiOkResponse({ type: VerwijzingDto })
  async verwijs(@Body() body: VerwijzingAanvraagDto, @CurrentIdentity() door: Identity, @Req() req: Request): Promise<VerwijzingBody> {
    return verwijzingDto(await this.verwijzingen.verwijs(body, door, aanroepVan(req)));
  }

  @Get(':id')
  @ApiOkResponse({ type: VerwijzingDto })
  async bekijk(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity): Promise<VerwijzingBody> {
    return verwijzingDto(await this.verwijzingen.bekijk(id, door));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'The receiver reports accepted, rejected, started or ended (coded reasons)' })
  async status(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(verwijzingStatusSchema)) body: VerwijzingStatusDto,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<VerwijzingBody> {
    return verwijzingDto(await this.verwijzingen.meldStatus(id, body, door, aanroepVan(req)));
  }
}

/** Webhook subscriptions: signed CloudEvents about the organisation's handovers and referrals. */
@ApiTags('abonnementen')
@Controller('abonnementen')
export class AbonnementenController {
  constructor(private readonly abonnementen: AbonnementService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a public https/http URL; the answer carries the signing secret (Standard Webhooks), shown only once' })
  @ApiCreatedResponse({ type: NieuwAbonnementDto })
  async abonneer(@Body() body: AbonnementAanvraagDto, @CurrentIdentity() door: Identity): Promise<NieuwAbonnementBody> {
    return this.abonnementen.abonneer(body, door);
  }

  @Get()
  @ApiOperation({ summary: "The caller's organisation's subscriptions (without secrets)" })
  @ApiOkResponse({ type: [AbonnementDto] })
  async lijst(@CurrentIdentity() door: Identity): Promise<AbonnementBody[]> {
    return this.abonnementen.lijst(door);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Delete a subscription of the caller's organisation, with its pending deliveries (another organisation's: 404)" })
  async verwijder(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity): Promise<void> {
    await this.abonnementen.verwijder(id, door);
  }
}
