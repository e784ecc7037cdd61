import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BesluitService, ConsentToegang } from '@ketenregie/consent-application';
import type { BesluitDto as BesluitBody } from '@ketenregie/consent-contracts';
import { CurrentIdentity, Identity, ServiceActor } from '@ketenregie/shared-platform';
import type { Request } from 'express';
import { aanroepVan } from './aanroep';
import { BesluitDto, BesluitVerzoekDto } from './consent.dto';
import { besluitDto } from './consent.mappers';

/** The policy decision point for disclosures between organisations. */
@ApiTags('besluiten')
@Controller('besluiten')
export class BesluitenController {
  constructor(
    private readonly besluiten: BesluitService,
    private readonly toegang: ConsentToegang,
  ) {}

  @Post()
  @ServiceActor()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide per category whether data may go from the caller to a recipient',
    description: 'Shows the statutory regime and the consent regime separately; the decision is stored and logged.',
  })
  @ApiOkResponse({ type: BesluitDto })
  async besluit(@Body() body: BesluitVerzoekDto, @CurrentIdentity() identiteit: Identity, @Req() req: Request): Promise<BesluitBody> {
    const aanroep = aanroepVan(req);
    await this.toegang.voorDeelnemer('besluit.vragen', body.deelnemerId, identiteit, aanroep.bearer);
    return besluitDto(await this.besluiten.besluit(body, identiteit, aanroep));
  }
}
