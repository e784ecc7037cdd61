import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsentToegang, ToestemmingService } from '@ketenregie/consent-application';
import type { HerinneringDto as HerinneringBody, ToestemmingDto as ToestemmingBody } from '@ketenregie/consent-contracts';
import { CurrentIdentity, Identity } from '@ketenregie/shared-platform';
import type { Request } from 'express';
import { aanroepVan } from './aanroep';
import { HerinneringDto, IntrekkingDto, ToestemmingAanvraagDto, ToestemmingDto, ToestemmingLijstQueryDto } from './consent.dto';
import { toestemmingDto } from './consent.mappers';

/** Consent records: give, list, withdraw; and the coach's expiry reminders. */
@ApiTags('toestemmingen')
@Controller()
export class ToestemmingenController {
  constructor(
    private readonly toestemmingen: ToestemmingService,
    private readonly toegang: ConsentToegang,
  ) {}

  @Post('toestemmingen')
  @ApiOperation({ summary: 'Record a consent given now', description: 'The recording professional and the instant come from the token and the service clock.' })
  @ApiCreatedResponse({ type: ToestemmingDto })
  async geef(@Body() body: ToestemmingAanvraagDto, @CurrentIdentity() identiteit: Identity, @Req() req: Request): Promise<ToestemmingBody> {
    const aanroep = aanroepVan(req);
    await this.toegang.voorDeelnemer('toestemming.vastleggen', body.deelnemerId, identiteit, aanroep.bearer);
    const t = await this.toestemmingen.geef(
      {
        ...body,
        ...(body.geldigVanaf ? { geldigVanaf: new Date(body.geldigVanaf) } : { geldigVanaf: undefined }),
        geldigTot: new Date(body.geldigTot),
      },
      identiteit,
      aanroep,
    );
    return toestemmingDto(t);
  }

  @Get('toestemmingen')
  @ApiOperation({ summary: "A deelnemer's consents with their status history; every read is written to the processing log" })
  @ApiOkResponse({ type: [ToestemmingDto] })
  async lijst(@Query() query: ToestemmingLijstQueryDto, @CurrentIdentity() identiteit: Identity, @Req() req: Request): Promise<ToestemmingBody[]> {
    const aanroep = aanroepVan(req);
    await this.toegang.voorDeelnemer('toestemming.lezen', query.deelnemerId, identiteit, aanroep.bearer);
    return (await this.toestemmingen.lijst(query.deelnemerId, identiteit, aanroep)).map(toestemmingDto);
  }

  @Post('toestemmingen/:id/intrekking')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a consent now', description: 'Immediate; the effective instant is the service clock and cannot be backdated.' })
  @ApiOkResponse({ type: ToestemmingDto })
  async trekIn(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: IntrekkingDto,
    @CurrentIdentity() identiteit: Identity,
    @Req() req: Request,
  ): Promise<ToestemmingBody> {
    const aanroep = aanroepVan(req);
    await this.toegang.voorToestemming('toestemming.intrekken', id, identiteit, aanroep.bearer);
    return toestemmingDto(await this.toestemmingen.trekIn(id, identiteit, body.reden, aanroep));
  }

  @Get('herinneringen')
  @ApiOperation({ summary: "The caller's reminders of consents that expire soon and are still in force" })
  @ApiOkResponse({ type: [HerinneringDto] })
  async herinneringen(@CurrentIdentity() identiteit: Identity): Promise<HerinneringBody[]> {
    await this.toegang.algemeen('herinneringen.lezen', identiteit);
    return (await this.toestemmingen.herinneringen(identiteit)).map((h) => ({
      toestemmingId: h.toestemmingId,
      deelnemerId: h.deelnemerId,
      geldigTot: h.geldigTot.toISOString(),
      aangemaaktOp: h.aangemaaktOp.toISOString(),
    }));
  }
}
