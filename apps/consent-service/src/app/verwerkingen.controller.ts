import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsentToegang, VerwerkingService } from '@ketenregie/consent-application';
import type {
  VerificatieDto as VerificatieBody,
  VerwerkingPaginaDto as VerwerkingPaginaBody,
  VrijgaveOverzichtDto as VrijgaveBody,
} from '@ketenregie/consent-contracts';
import type { Verwerkingsregister } from '@ketenregie/consent-domain';
import { CurrentIdentity, Identity, ServiceActor } from '@ketenregie/shared-platform';
import {
  VerificatieDto,
  VerwerkingLijstQueryDto,
  VerwerkingMeldingDto,
  VerwerkingPaginaDto,
  VerwerkingsregisterDto,
  VrijgaveOverzichtDto,
  VrijgaveQueryDto,
} from './consent.dto';
import { verificatieDto, verwerkingPaginaDto } from './consent.mappers';
import { VerwerkingslogAnkeraar } from './verwerkingslog-ankeraar';

/** The append-only processing log and the processing register. There is no PUT, PATCH or DELETE. */
@ApiTags('verwerkingen')
@Controller()
export class VerwerkingenController {
  constructor(
    private readonly verwerkingen: VerwerkingService,
    private readonly toegang: ConsentToegang,
    private readonly ankeraar: VerwerkingslogAnkeraar,
  ) {}

  @Post('verwerkingen')
  @ServiceActor('required')
  @ApiOperation({
    summary:
      "Report a read or disclosure of another organisation's data about a deelnemer (the services only: a service token acting for the professional who read or disclosed)",
  })
  @ApiCreatedResponse({ description: 'Position of the line in the chain' })
  async meld(@Body() body: VerwerkingMeldingDto, @CurrentIdentity() identiteit: Identity): Promise<{ volgnummer: number; hash: string }> {
    await this.toegang.algemeen('verwerking.melden', identiteit);
    const schakel = await this.verwerkingen.meld(body, identiteit);
    return { volgnummer: schakel.volgnummer, hash: schakel.hash };
  }

  @Get('verwerkingen')
  @ApiOperation({ summary: 'The processing log as stored: pseudonymised lines with their chain position and hashes (role fg)' })
  @ApiOkResponse({ type: VerwerkingPaginaDto })
  async lijst(@Query() query: VerwerkingLijstQueryDto, @CurrentIdentity() identiteit: Identity): Promise<VerwerkingPaginaBody> {
    await this.toegang.algemeen('verwerkingslog.lezen', identiteit);
    const na = query.naKeten === undefined ? undefined : { keten: query.naKeten, volgnummer: query.naVolgnummer ?? 0 };
    return verwerkingPaginaDto(await this.verwerkingen.logInzien(na, query.limiet), query.limiet);
  }

  @Get('verwerkingen/verificatie')
  @ApiOperation({ summary: 'Recompute the hash chain of the processing log (role fg)' })
  @ApiOkResponse({ type: VerificatieDto })
  async verifieer(@CurrentIdentity() identiteit: Identity): Promise<VerificatieBody> {
    await this.toegang.algemeen('verwerkingslog.lezen', identiteit);
    const resultaat = await this.verwerkingen.verifieer();
    const anker = await this.ankeraar.toets();
    const dto = verificatieDto(resultaat, new Date());
    // Against the newest anchor kept outside the database: a rewrite that recomputed the chain still shows.
    return anker ? { ...dto, geldig: dto.geldig && anker.geldig, anker } : dto;
  }

  @Get('vrijgaveprofielen')
  @ApiOperation({
    summary: 'What each recipient type may get for a purpose, per category: the fields and whether consent is needed (professionals and fg; no personal data)',
  })
  @ApiOkResponse({ type: [VrijgaveOverzichtDto] })
  async vrijgaveprofielen(@Query() query: VrijgaveQueryDto, @CurrentIdentity() identiteit: Identity): Promise<VrijgaveBody[]> {
    await this.toegang.algemeen('vrijgaveprofiel.lezen', identiteit);
    return (await this.verwerkingen.vrijgaveprofielen(query.doel, query.ontvangerType)).map((o) => ({
      ...o,
      categorieen: o.categorieen.map((c) => ({ ...c, velden: [...c.velden] })),
    }));
  }

  @Get('verwerkingsregister')
  @ApiOperation({ summary: 'The versioned processing register (role fg)' })
  @ApiOkResponse({ type: VerwerkingsregisterDto })
  async register(@CurrentIdentity() identiteit: Identity): Promise<Verwerkingsregister> {
    await this.toegang.algemeen('verwerkingslog.lezen', identiteit);
    return this.verwerkingen.registerInzien();
  }
}
