import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OrganisatieRegisterService } from '@ketenregie/monitoring-application';
import type { StuurgroepDto as StuurgroepBody } from '@ketenregie/monitoring-contracts';
import { CurrentIdentity, Identity, Toegang } from '@ketenregie/shared-platform';
import { StuurgroepDto } from './registry.dto';

/** Stuurgroepen of the partnership and their member organisations (any authenticated partner). */
@ApiTags('stuurgroepen')
@Controller('stuurgroepen')
export class StuurgroepenController {
  constructor(
    private readonly register: OrganisatieRegisterService,
    private readonly toegang: Toegang,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stuurgroepen with their member organisations' })
  @ApiOkResponse({ type: [StuurgroepDto] })
  @ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
  async list(@CurrentIdentity() identiteit: Identity): Promise<StuurgroepBody[]> {
    await this.toegang.eis(identiteit, 'stuurgroepen.lezen');
    return (await this.register.listStuurgroepen()).map((s) => ({
      id: s.id,
      naam: s.naam,
      leden: s.leden.map((o) => ({ id: o.id, naam: o.naam, type: o.type })),
    }));
  }
}
