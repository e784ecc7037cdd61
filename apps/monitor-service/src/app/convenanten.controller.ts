import { Body, Controller, Get, Header, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AfsprakenService, ConvenantService, InzetService } from '@ketenregie/monitoring-application';
import { CurrentIdentity, type Identity } from '@ketenregie/shared-platform';
import {
  AfsprakenRapportDto,
  ConvenantAanmakenDto,
  ConvenantDto,
  ConvenantVersieDto,
  ConvenantWijzigenDto,
  InzetDto,
  InzetLijstDto,
  InzetRegistrerenDto,
} from './convenant.dto';
import { afsprakenPeriodeVan } from './indicatoren.dto';

const maanden = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  ApiQuery({ name: 'van', required: false, description: 'First month, YYYY-MM (default: the start of the convenant)' })(target, key, descriptor);
  ApiQuery({ name: 'tot', required: false, description: 'Last month, YYYY-MM (default: this month or the end of the convenant)' })(target, key, descriptor);
};

/** Convenanten: the gemeente maintains them, every party's stuurgroeplid reads them. No personal data. */
@ApiTags('convenanten')
@Controller('convenanten')
export class ConvenantenController {
  constructor(
    private readonly convenanten: ConvenantService,
    private readonly afspraken: AfsprakenService,
    private readonly inzet: InzetService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The convenanten the caller's organisation is a party to" })
  @ApiOkResponse({ type: [ConvenantDto] })
  lijst(@CurrentIdentity() door: Identity) {
    return this.convenanten.lijst(door);
  }

  @Post()
  @ApiOperation({ summary: 'Set up a convenant with its parties, commitments and targets (a gemeente stuurgroeplid)' })
  @ApiCreatedResponse({ type: ConvenantDto })
  maak(@Body() body: ConvenantAanmakenDto, @CurrentIdentity() door: Identity) {
    return this.convenanten.maak(body, door);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One convenant: the version in force today and the list of versions' })
  @ApiOkResponse({ type: ConvenantDto })
  @ApiNotFoundResponse({ description: 'MONITORING.CONVENANT_NOT_FOUND (also when the organisation is no party)' })
  convenant(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity) {
    return this.convenanten.convenant(id, door);
  }

  @Post(':id/versies')
  @ApiOperation({ summary: 'Record an amendment as the next version (a gemeente stuurgroeplid)' })
  @ApiCreatedResponse({ type: ConvenantDto })
  wijzig(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ConvenantWijzigenDto, @CurrentIdentity() door: Identity) {
    return this.convenanten.wijzig(id, body, door);
  }

  @Get(':id/versies/:versie')
  @ApiOperation({ summary: 'One version of a convenant, as it was recorded' })
  @ApiOkResponse({ type: ConvenantVersieDto })
  versie(@Param('id', new ParseUUIDPipe()) id: string, @Param('versie', ParseIntPipe) versie: number, @CurrentIdentity() door: Identity) {
    return this.convenanten.versie(id, versie, door);
  }

  @Get(':id/afspraken')
  @ApiOperation({ summary: "Each party's commitments per period beside the released figures (counts of 1 to 4 suppressed), as learning signals" })
  @ApiOkResponse({ type: AfsprakenRapportDto })
  @ApiNotFoundResponse({ description: 'MONITORING.CONVENANT_NOT_FOUND (also when the organisation is no party)' })
  @maanden()
  afsprakenRapport(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: Record<string, string>, @CurrentIdentity() door: Identity) {
    return this.afspraken.rapport(id, afsprakenPeriodeVan(query), door);
  }

  @Get(':id/afspraken/export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="afspraken.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same commitments and figures as CSV' })
  @maanden()
  afsprakenCsv(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: Record<string, string>, @CurrentIdentity() door: Identity) {
    return this.afspraken.csv(id, afsprakenPeriodeVan(query), door);
  }

  @Post(':id/inzet')
  @ApiOperation({
    summary:
      "Register the hours the caller's own organisation delivered in a month per coded expertise (a party's professional or stuurgroeplid; again for the same month and expertise replaces the figure)",
  })
  @ApiCreatedResponse({ type: InzetDto })
  @ApiBadRequestResponse({ description: 'MONITORING.INZET_INVALID or an invalid body (an organisation in the body is refused)' })
  @ApiForbiddenResponse({ description: "The caller's organisation is no party of the convenant" })
  @ApiNotFoundResponse({ description: 'MONITORING.CONVENANT_NOT_FOUND' })
  registreerInzet(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: InzetRegistrerenDto, @CurrentIdentity() door: Identity) {
    return this.inzet.registreer(id, body, door);
  }

  @Get(':id/inzet')
  @ApiOperation({ summary: "The hours registered under the convenant: the own organisation's, every party's for the gemeente that is a party" })
  @ApiOkResponse({ type: InzetLijstDto })
  @ApiForbiddenResponse({ description: "The caller's organisation is no party of the convenant" })
  @ApiNotFoundResponse({ description: 'MONITORING.CONVENANT_NOT_FOUND' })
  async inzetLijst(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity) {
    return { convenantId: id, registraties: await this.inzet.lijst(id, door) };
  }
}
