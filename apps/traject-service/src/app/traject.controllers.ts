import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { aanroepVan, CurrentIdentity, Identity, ontvangerVastleggenSchema, ServiceActor } from '@ketenregie/shared-platform';
import { ValidationError } from '@ketenregie/shared-kernel';
import { ProgrammaService, TrajectService } from '@ketenregie/traject-application';
import {
  type aangemaaktSchema,
  type deelnemerBetrokkenheidSchema,
  type deelnemerWeergaveSchema,
  OPDRACHT_SUBRESOURCES,
  programmaCodeSchema,
  type programmaLijstSchema,
  type programmaVersiesSchema,
  type programmaVersieWeergaveSchema,
  type programmaWeergaveSchema,
  type signalenSchema,
  type takenSchema,
  type tijdlijnSchema,
  type trajectBetrokkenheidSchema,
  type trajectenPaginaSchema,
  type trajectGestartSchema,
  type trajectOverzichtenSchema,
  type trajectOverzichtSchema,
  type trajectVerloopSchema,
  type Weergave,
} from '@ketenregie/traject-contracts';
import { trajectError } from '@ketenregie/traject-domain';
import type { Request } from 'express';
import {
  AangemaaktDto,
  CaseloadOverdrachtDto,
  DeelnemerAanmakenDto,
  DeelnemerBetrokkenheidDto,
  DeelnemerWeergaveDto,
  ProgrammaSamenvattingDto,
  ProgrammaVersiesDto,
  ProgrammaVersieWeergaveDto,
  ProgrammaWeergaveDto,
  SignalenDto,
  TakenDto,
  TijdlijnDto,
  TrajectBetrokkenheidDto,
  TrajectenPaginaDto,
  TrajectGestartDto,
  TrajectOverzichtDto,
  TrajectVerloopDto,
  OntvangerVastleggenDto,
  ProgrammaAanmakenDto,
  ProgrammaVersieDto,
  TrajectLijstQueryDto,
  TrajectStartenDto,
} from './traject.dto';

/** A programme code from the path, refused as not found when it cannot be one. */
function programmaCode(code: string): string {
  if (!programmaCodeSchema.safeParse(code).success) throw trajectError('TRAJECT.PROGRAMME_NOT_FOUND', 'Er is geen programma met deze code');
  return code;
}

/** The programme catalogue: programmes (aanpakken) as versioned configuration. */
@ApiTags('programmas')
@Controller('programmas')
export class ProgrammasController {
  constructor(private readonly programmas: ProgrammaService) {}

  @Get()
  @ApiOperation({ summary: 'Programmes with their latest definition (phases, durations, cadences, eligibility)' })
  @ApiOkResponse({ type: [ProgrammaSamenvattingDto] })
  lijst(@CurrentIdentity() door: Identity): Promise<Weergave<typeof programmaLijstSchema>> {
    return this.programmas.lijst(door);
  }

  @Post()
  @ApiOperation({
    summary: "Set up a programme with its first version (a gemeente's klantmanager); an inconsistent definition is refused with every reason in Dutch",
  })
  @ApiCreatedResponse({ type: ProgrammaVersieWeergaveDto })
  maak(@Body() body: ProgrammaAanmakenDto, @CurrentIdentity() door: Identity): Promise<Weergave<typeof programmaVersieWeergaveSchema>> {
    return this.programmas.maak(body, door);
  }

  @Get(':code')
  @ApiOperation({ summary: 'A programme with all its versions and the version a traject starting today follows' })
  @ApiOkResponse({ type: ProgrammaWeergaveDto })
  lees(@Param('code') code: string, @CurrentIdentity() door: Identity): Promise<Weergave<typeof programmaWeergaveSchema>> {
    return this.programmas.programma(programmaCode(code), door);
  }

  @Get(':code/versies')
  @ApiOperation({ summary: 'All versions of a programme, oldest first' })
  @ApiOkResponse({ type: ProgrammaVersiesDto })
  async versies(@Param('code') code: string, @CurrentIdentity() door: Identity): Promise<Weergave<typeof programmaVersiesSchema>> {
    return { versies: (await this.programmas.programma(programmaCode(code), door)).versies };
  }

  @Post(':code/versies')
  @ApiOperation({ summary: 'Publish the next version; it applies to trajecten started from its geldigVanaf on, running trajecten keep theirs' })
  @ApiCreatedResponse({ type: ProgrammaVersieWeergaveDto })
  nieuweVersie(
    @Param('code') code: string,
    @Body() body: ProgrammaVersieDto,
    @CurrentIdentity() door: Identity,
  ): Promise<Weergave<typeof programmaVersieWeergaveSchema>> {
    return this.programmas.nieuweVersie(programmaCode(code), body, door);
  }

  @Get(':code/versies/:versie')
  @ApiOperation({ summary: 'One version of a programme' })
  @ApiOkResponse({ type: ProgrammaVersieWeergaveDto })
  versie(
    @Param('code') code: string,
    @Param('versie', new ParseIntPipe()) versie: number,
    @CurrentIdentity() door: Identity,
  ): Promise<Weergave<typeof programmaVersieWeergaveSchema>> {
    return this.programmas.versie(programmaCode(code), versie, door);
  }
}

/** Deelnemers: created once per BSN (elfproef, stored encrypted). */
@ApiTags('deelnemers')
@Controller('deelnemers')
export class DeelnemersController {
  constructor(private readonly trajecten: TrajectService) {}

  @Post()
  @ApiOperation({ summary: 'Register a deelnemer; an invalid BSN is rejected and nothing is stored' })
  @ApiCreatedResponse({ type: AangemaaktDto })
  maak(@Body() body: DeelnemerAanmakenDto, @CurrentIdentity() door: Identity): Promise<Weergave<typeof aangemaaktSchema>> {
    return this.trajecten.maakDeelnemer(body, door);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'The deelnemer (BSN masked except for a klantmanager) with their trajecten over time; only for the registering organisation and those involved in one of the trajecten (others get 404); a read by another organisation than the registering one is written to the processing log first',
  })
  @ApiOkResponse({ type: DeelnemerWeergaveDto })
  lees(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<Weergave<typeof deelnemerWeergaveSchema>> {
    return this.trajecten.deelnemer(id, door, aanroepVan(req));
  }

  @Get(':id/trajecten')
  @ApiOperation({
    summary:
      "The overviews of the deelnemer's trajecten, oldest first: for the deelnemer themself and professionals of involved organisations (each read as GET /trajecten/{id}, logged alike); others get 404",
  })
  @ApiOkResponse({ type: [TrajectOverzichtDto] })
  trajectenVan(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<Weergave<typeof trajectOverzichtenSchema>> {
    return this.trajecten.trajectenVan(id, door, aanroepVan(req));
  }

  @Get(':id/betrokkenheid')
  @ServiceActor()
  @ApiOperation({
    summary:
      "How the caller's own organisation is involved with the deelnemer now (aanmelder, regievoerder, coach-organisatie, ontvanger): the facts consent-service and exchange-service give the access policy; empty when not involved or unknown",
  })
  @ApiOkResponse({ type: DeelnemerBetrokkenheidDto })
  betrokkenheid(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity): Promise<Weergave<typeof deelnemerBetrokkenheidSchema>> {
    return this.trajecten.betrokkenheidVan(id, door);
  }

  @Get(':id/bestaan')
  @ServiceActor('required')
  @ApiOperation({
    summary: "Whether the deelnemer exists (404 otherwise): the gateway's demo login asks it with its service token before it signs a deelnemer in",
  })
  @ApiOkResponse({ type: AangemaaktDto })
  bestaat(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity): Promise<Weergave<typeof aangemaaktSchema>> {
    return this.trajecten.bestaat(id, door);
  }

  @Post(':id/ontvangers')
  @HttpCode(200)
  @ServiceActor('required')
  @ApiOperation({
    summary:
      'Record the receiver of a referral that consent permitted as `ontvanger`, from now on, in the trajecten the sender leads or coaches: exchange-service only (service token acting for the sender)',
  })
  legOntvangerVast(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: OntvangerVastleggenDto, @CurrentIdentity() door: Identity) {
    return this.trajecten.legOntvangerVast(id, body.organisatie, door);
  }

  @Delete(':id/ontvangers/:organisatie')
  @HttpCode(200)
  @ServiceActor('required')
  @ApiOperation({
    summary:
      "End the receiver's `ontvanger` involvement with the deelnemer now, in every traject, when its referral ends (exchange-service) or the consent that carried it was withdrawn or expired (consent-service, the worker): service token only; idempotent",
  })
  beeindigOntvanger(@Param('id', new ParseUUIDPipe()) id: string, @Param('organisatie') organisatie: string, @CurrentIdentity() door: Identity) {
    if (!ontvangerVastleggenSchema.shape.organisatie.safeParse(organisatie).success)
      throw new ValidationError({ code: 'REQUEST.VALIDATION', detail: 'The request is invalid.', fields: { organisatie: 'invalid' } });
    return this.trajecten.beeindigOntvanger(id, organisatie, door);
  }
}

/** Trajecten: start, overview, timeline and commands as sub-resources. */
@ApiTags('trajecten')
@Controller('trajecten')
export class TrajectenController {
  constructor(private readonly trajecten: TrajectService) {}

  @Post()
  @ApiOperation({ summary: 'Start a traject (one durable workflow) for a deelnemer on a programme' })
  @ApiCreatedResponse({ type: TrajectGestartDto })
  start(@Body() body: TrajectStartenDto, @CurrentIdentity() door: Identity): Promise<Weergave<typeof trajectGestartSchema>> {
    return this.trajecten.start(body, door);
  }

  @Get()
  @ApiOperation({
    summary:
      "One page of the trajecten the caller's organisation is involved in, newest first, filtered by programme, phase, status and overdue deadlines, with the deelnemer's name (logged first for another organisation than the registering one), the phase and next deadline in Dutch",
  })
  @ApiOkResponse({ type: TrajectenPaginaDto })
  lijst(@Query() query: TrajectLijstQueryDto, @CurrentIdentity() door: Identity, @Req() req: Request): Promise<Weergave<typeof trajectenPaginaSchema>> {
    const { pagina, perPagina, ...filter } = query;
    return this.trajecten.lijst(filter, { pagina, perPagina }, door, aanroepVan(req));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Phase, status, next deadline, lead organisation and regievoerder; a read by another organisation than the lead is written to the processing log first (503 if it cannot be)',
  })
  @ApiOkResponse({ type: TrajectOverzichtDto })
  overzicht(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<Weergave<typeof trajectOverzichtSchema>> {
    return this.trajecten.overzicht(id, door, aanroepVan(req));
  }

  @Get(':id/betrokkenheid')
  @ServiceActor()
  @ApiOperation({
    summary:
      "The traject's deelnemer and how the caller's own organisation is involved in it now: the facts exchange-service gives the access policy; 404 when not involved",
  })
  @ApiOkResponse({ type: TrajectBetrokkenheidDto })
  betrokkenheid(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity): Promise<Weergave<typeof trajectBetrokkenheidSchema>> {
    return this.trajecten.trajectBetrokkenheidVan(id, door);
  }

  @Get(':id/tijdlijn')
  @ApiOperation({
    summary: 'The timeline, oldest first; a read by another organisation than the lead is written to the processing log first (503 if it cannot be)',
  })
  @ApiOkResponse({ type: TijdlijnDto })
  async tijdlijn(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<Weergave<typeof tijdlijnSchema>> {
    return { gebeurtenissen: await this.trajecten.tijdlijn(id, door, aanroepVan(req)) };
  }

  @Get(':id/verloop')
  @ApiOperation({
    summary:
      'The timeline for people, newest first: Dutch titles and details, the date and the moment it was recorded (Europe/Amsterdam), who did it (role and organisation by name), no codes or ids; with the next deadline. Logged as the timeline is',
  })
  @ApiOkResponse({ type: TrajectVerloopDto })
  verloop(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentIdentity() door: Identity,
    @Req() req: Request,
  ): Promise<Weergave<typeof trajectVerloopSchema>> {
    return this.trajecten.verloop(id, door, aanroepVan(req));
  }

  @Get(':id/metingen')
  @ApiOperation({
    summary:
      'The scores per instrument version: value, who scored (from their token; coach or zelf), when, the instrument version, and the movement from T0 to the latest; a read by another organisation than the lead is written to the processing log first',
  })
  metingen(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity, @Req() req: Request) {
    return this.trajecten.metingen(id, door, aanroepVan(req));
  }

  @Post(':id/:opdracht')
  @HttpCode(200)
  @ApiOperation({ summary: 'A command on the traject; the body is the command of the sub-resource (see traject-contracts)' })
  @ApiParam({ name: 'opdracht', enum: Object.keys(OPDRACHT_SUBRESOURCES) })
  opdracht(@Param('id', new ParseUUIDPipe()) id: string, @Param('opdracht') sub: string, @Body() body: unknown, @CurrentIdentity() door: Identity) {
    const soort = OPDRACHT_SUBRESOURCES[sub as keyof typeof OPDRACHT_SUBRESOURCES];
    if (!soort) throw trajectError('TRAJECT.COMMAND_INVALID', 'Unknown command sub-resource', { opdracht: Object.keys(OPDRACHT_SUBRESOURCES).join(' | ') });
    return this.trajecten.opdracht(id, soort, body ?? {}, door);
  }
}

/** A professional's open tasks and overdue deadlines. */
@ApiTags('taken')
@Controller('taken')
export class TakenController {
  constructor(private readonly trajecten: TrajectService) {}

  @Get()
  @ApiOperation({
    summary:
      "The caller's tasks and deadlines, overdue first: open and overdue tasks (escalations addressed to them included) and the planned deadlines of their running trajecten whose task appears later (status gepland, with taakVanaf), such as the next call attempt or the re-approach after a no; and those of the placements (werkgever lane) they are jobcoach, coach or regievoerder of (with plaatsingId)",
  })
  @ApiOkResponse({ type: TakenDto })
  async lijst(@CurrentIdentity() door: Identity, @Req() req: Request): Promise<Weergave<typeof takenSchema>> {
    return { taken: await this.trajecten.taken(door, aanroepVan(req)) };
  }
}

/** The regievoerder's signals. */
@ApiTags('signalen')
@Controller('signalen')
export class SignalenController {
  constructor(private readonly trajecten: TrajectService) {}

  @Get()
  @ApiOperation({
    summary:
      "The regievoerder's signals, newest first: drop-outs, consent refused or withdrawn, escalated deadlines and lead changes in the trajecten the caller's organisation leads or registered, in Dutch",
  })
  @ApiOkResponse({ type: SignalenDto })
  lijst(@CurrentIdentity() door: Identity, @Req() req: Request): Promise<Weergave<typeof signalenSchema>> {
    return this.trajecten.signalen(door, aanroepVan(req));
  }
}

/** A coach leaves: their running trajecten move to a colleague (caseload transfer). */
@ApiTags('trajecten')
@Controller('caseload-overdrachten')
export class CaseloadOverdrachtenController {
  constructor(private readonly trajecten: TrajectService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: "Move a leaving coach's running trajecten to another coach of the same organisation" })
  draagOver(@Body() body: CaseloadOverdrachtDto, @CurrentIdentity() door: Identity) {
    return this.trajecten.draagCaseloadOver(body, door);
  }
}
