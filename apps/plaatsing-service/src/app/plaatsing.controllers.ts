import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlaatsingService, type PlaatsingInzicht } from '@ketenregie/plaatsing-application';
import {
  plaatsingOpdrachtSchema,
  type PlaatsingOpdrachtInvoer,
  type VacatureDto as VacatureBody,
  type WerkgeverDto as WerkgeverBody,
} from '@ketenregie/plaatsing-contracts';
import { ONDERSTEUNING_UITLEG, plaatsingError, type Vacature } from '@ketenregie/plaatsing-domain';
import { ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON } from '@ketenregie/shared-kernel';
import { aanroepVan, CurrentIdentity, Identity } from '@ketenregie/shared-platform';
import type { Request } from 'express';
import { ZodValidationPipe } from 'nestjs-zod';
import {
  PlaatsingDto,
  PlaatsingTakenDto,
  VacatureDto,
  VacatureInvoerDto,
  VoordrachtDto,
  WerkgeverDto,
  WerkgeverInvoerDto,
  WerkgeversoverzichtDto,
} from './plaatsing.dto';

const vacatureDto = (v: Vacature): VacatureBody => ({
  id: v.id,
  werkgeverId: v.werkgeverId,
  titel: v.titel,
  urenPerWeek: v.urenPerWeek,
  taken: [...v.taken],
  competenties: [...v.competenties],
  ondersteuning: v.ondersteuning.map((code) => ({ code, uitleg: ONDERSTEUNING_UITLEG[code] })),
  status: v.status,
});

/** An organisation id from the path; one the registry cannot hold is not found. */
function organisatieId(id: string): string {
  if (id.length > ORGANISATIE_ID_MAX || !ORGANISATIE_ID_PATROON.test(id))
    throw plaatsingError('PLAATSING.WERKGEVER_NIET_GEVONDEN', 'No such employer for your organisation.');
  return id;
}

/** Employer profiles: the contact person and the named deputy (an employer, for itself). */
@ApiTags('werkgevers')
@Controller('werkgevers')
export class WerkgeversController {
  constructor(private readonly plaatsingen: PlaatsingService) {}

  @Put(':id')
  @ApiOperation({ summary: "Set the employer's own contact person and named deputy (the deputy takes over when the contact leaves)" })
  @ApiOkResponse({ type: WerkgeverDto })
  async bewaar(@Param('id') id: string, @Body() body: WerkgeverInvoerDto, @CurrentIdentity() door: Identity): Promise<WerkgeverBody> {
    return this.plaatsingen.bewaarWerkgever(organisatieId(id), body, door);
  }

  @Get(':id')
  @ApiOperation({ summary: "The employer's own profile; another employer's does not exist for the caller (404)" })
  @ApiOkResponse({ type: WerkgeverDto })
  async lees(@Param('id') id: string, @CurrentIdentity() door: Identity): Promise<WerkgeverBody> {
    return this.plaatsingen.werkgever(organisatieId(id), door);
  }
}

/** Vacancies (no personal data) and proposals of deelnemers for them. */
@ApiTags('vacatures')
@Controller('vacatures')
export class VacaturesController {
  constructor(private readonly plaatsingen: PlaatsingService) {}

  @Post()
  @ApiOperation({ summary: 'A vacancy of the caller’s own organisation (a werkgever): hours, tasks, required competences and the support on offer' })
  @ApiCreatedResponse({ type: VacatureDto })
  async maak(@Body() body: VacatureInvoerDto, @CurrentIdentity() door: Identity): Promise<VacatureBody> {
    return vacatureDto(await this.plaatsingen.maakVacature(body, door));
  }

  @Get()
  @ApiOperation({ summary: "An employer's own vacancies; every open vacancy for the partnership's coaches and klantmanagers" })
  @ApiOkResponse({ type: [VacatureDto] })
  async lijst(@CurrentIdentity() door: Identity): Promise<VacatureBody[]> {
    return (await this.plaatsingen.vacatureLijst(door)).map(vacatureDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: VacatureDto })
  async lees(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity): Promise<VacatureBody> {
    return vacatureDto(await this.plaatsingen.vacature(id, door));
  }

  @Post(':id/voordrachten')
  @ApiOperation({
    summary: 'A coach of the traject proposes its deelnemer for the vacancy; the placement starts at the kennismaking',
    description:
      'consent-service decides (purpose plaatsing-werkgever) which categories the employer sees; limitations only with explicit consent. Only what is released is stored, and the disclosure is logged.',
  })
  @ApiCreatedResponse({ type: PlaatsingDto })
  async draVoor(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VoordrachtDto,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<PlaatsingInzicht> {
    return this.plaatsingen.draVoor(id, body, door, aanroepVan(req));
  }
}

/** Placements, for the coach organisation, the regievoerder and the jobcoach; commands also for the employer. */
@ApiTags('plaatsingen')
@Controller('plaatsingen')
export class PlaatsingenController {
  constructor(private readonly plaatsingen: PlaatsingService) {}

  @Get()
  @ApiOperation({ summary: "Placements the caller's organisation employs, proposed or leads, or that the caller coaches" })
  @ApiOkResponse({ type: [PlaatsingDto] })
  lijst(@CurrentIdentity() door: Identity): Promise<PlaatsingInzicht[]> {
    return this.plaatsingen.lijst(door);
  }

  // Before ':id', so `taken` is not taken for a placement id.
  @Get('taken')
  @ApiOperation({
    summary:
      "The caller's tasks from the placements they are jobcoach, coach or regievoerder of, overdue first: open and overdue tasks and their planned deadlines (status gepland); traject-service merges them into GET /api/v1/taken",
  })
  @ApiOkResponse({ type: PlaatsingTakenDto })
  async taken(@CurrentIdentity() door: Identity) {
    return { taken: await this.plaatsingen.taken(door) };
  }

  @Get(':id')
  @ApiOkResponse({ type: PlaatsingDto })
  lees(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() door: Identity): Promise<PlaatsingInzicht> {
    return this.plaatsingen.lees(id, door);
  }

  @Post(':id/opdrachten')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A command on the placement: kennismaking, evaluatie, loonwaardemeting, subsidiebesluit, herbeoordeling, contract, checkin, uitval, contactpersoon-vertrokken …',
    description:
      'The subsidy is decided and re-assessed by the gemeente leading the traject only. A command out of phase is refused (422 problem+json) and changes nothing.',
  })
  @ApiBody({ schema: { type: 'object', properties: { soort: { type: 'string' } }, required: ['soort'] } })
  voerUit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(plaatsingOpdrachtSchema)) body: PlaatsingOpdrachtInvoer,
    @CurrentIdentity() door: Identity,
  ) {
    return this.plaatsingen.voerUit(id, body, door);
  }
}

/** The employer's page: its placements, next agreements and deadlines, whom to call, the support available. */
@ApiTags('werkgeversoverzicht')
@Controller('werkgeversoverzicht')
export class WerkgeversoverzichtController {
  constructor(private readonly plaatsingen: PlaatsingService) {}

  @Get()
  @ApiOperation({ summary: "The employer's own placements, the next agreements and deadlines, whom to call and the support available; nothing more" })
  @ApiOkResponse({ type: WerkgeversoverzichtDto })
  overzicht(@CurrentIdentity() door: Identity) {
    return this.plaatsingen.werkgeversoverzicht(door);
  }
}
