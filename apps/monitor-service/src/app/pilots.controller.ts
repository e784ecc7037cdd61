import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PilotService } from '@ketenregie/monitoring-application';
import { CurrentIdentity, type Identity } from '@ketenregie/shared-platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** Body of `POST /pilots`. */
export class PilotAanmakenDto extends createZodDto(
  z
    .object({
      stuurgroepId: z.string().min(1).max(64),
      naam: z.string().min(1).max(200),
      programma: z.string().min(1).max(64).describe('Programme code: the pilot groups the trajecten of this programme'),
      t0: datum,
      t1: datum,
      eind: datum,
    })
    .strict(),
) {}

/** Body of `POST /pilots/{id}/besluit`. */
export class PilotBesluitDto extends createZodDto(z.object({ besluit: z.enum(['verlengen', 'beeindigen']) }).strict()) {}

/** Pilots of a stuurgroep and their immutable reports (no personal data). */
@ApiTags('pilots')
@Controller('pilots')
export class PilotsController {
  constructor(private readonly pilots: PilotService) {}

  @Post()
  @ApiOperation({ summary: 'Set up a pilot with its moments T0, T1 and end; its pilot-evaluatie workflow starts (a gemeente stuurgroeplid)' })
  maak(@Body() body: PilotAanmakenDto, @CurrentIdentity() door: Identity) {
    return this.pilots.maak(body, door);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A pilot of a stuurgroep the caller’s organisation is a member of' })
  pilot(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity) {
    return this.pilots.pilot(id, door);
  }

  @Get(':id/rapportages')
  @ApiOperation({ summary: 'The published reports of the pilot (T0, T1, extensions, end), immutable once published' })
  rapportages(@Param('id', new ParseUUIDPipe()) id: string, @CurrentIdentity() door: Identity) {
    return this.pilots.rapportages(id, door);
  }

  @Post(':id/besluit')
  @HttpCode(202)
  @ApiOperation({ summary: 'The stuurgroep’s extension decision (a gemeente stuurgroeplid), handed to the workflow' })
  async besluit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PilotBesluitDto, @CurrentIdentity() door: Identity) {
    await this.pilots.besluit(id, body.besluit, door);
    return { besluit: body.besluit };
  }
}

/** A stuurgroep's inbox: notifications of its pilots and quarterly reports (members of that stuurgroep only, no personal data). */
@ApiTags('stuurgroepen')
@Controller('stuurgroepen/:id/meldingen')
export class StuurgroepMeldingenController {
  constructor(private readonly pilots: PilotService) {}

  @Get()
  @ApiOperation({
    summary:
      "The stuurgroep's inbox, newest first: coded subject, for the stuurgroep or its chair, and the pilot or report it refers to (a member of the stuurgroep)",
  })
  meldingen(@Param('id') id: string, @CurrentIdentity() door: Identity) {
    return this.pilots.meldingen(id, door);
  }
}
