import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ConsentToegang, VerwerkingService } from '@ketenregie/consent-application';
import { CurrentIdentity, Identity } from '@ketenregie/shared-platform';
import type { Request, Response } from 'express';
import { aanroepVan } from './aanroep';
import { InzageDto } from './consent.dto';
import { inzageDto } from './consent.mappers';
import { inzageHtml } from './inzage.html';

/** The deelnemer's inzage (AVG art. 15): consents and who processed which data, when and why. */
@ApiTags('inzage')
@Controller('deelnemers')
export class DeelnemersController {
  constructor(
    private readonly verwerkingen: VerwerkingService,
    private readonly toegang: ConsentToegang,
  ) {}

  @Get(':id/inzage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The deelnemer's consents and processing log, as JSON or printable HTML (formaat=html)" })
  @ApiQuery({ name: 'formaat', required: false, enum: ['json', 'html'] })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: InzageDto })
  async inzage(
    @Param('id', new ParseUUIDPipe()) deelnemerId: string,
    @Query('formaat') formaat: string | undefined,
    @CurrentIdentity() identiteit: Identity,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InzageDto | string> {
    const aanroep = aanroepVan(req);
    await this.toegang.voorDeelnemer('inzage.opstellen', deelnemerId, identiteit, aanroep.bearer);
    const dto = inzageDto(await this.verwerkingen.inzage(deelnemerId, identiteit, aanroep));
    if (formaat !== 'html') return dto;
    res.type('html');
    return inzageHtml(dto);
  }
}
