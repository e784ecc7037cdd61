import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConvenantService } from '@ketenregie/monitoring-application';
import { CurrentIdentity, type Identity } from '@ketenregie/shared-platform';
import { ConvenantAanmakenDto, ConvenantDto, ConvenantVersieDto, ConvenantWijzigenDto } from './convenant.dto';

/** Convenanten: the gemeente maintains them, every party's stuurgroeplid reads them. No personal data. */
@ApiTags('convenanten')
@Controller('convenanten')
export class ConvenantenController {
  constructor(private readonly convenanten: ConvenantService) {}

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
}
