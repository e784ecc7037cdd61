import { Controller, Get, Param } from '@nestjs/common';
import { NotFoundError, ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON } from '@ketenregie/shared-kernel';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisatieRegisterService } from '@ketenregie/monitoring-application';
import type { Organisatie } from '@ketenregie/monitoring-domain';
import type { OrganisatieDto as OrganisatieBody } from '@ketenregie/monitoring-contracts';
import { Public } from '@ketenregie/shared-platform';
import { OrganisatieDto } from './registry.dto';

const toDto = (o: Organisatie): OrganisatieBody => ({ id: o.id, naam: o.naam, type: o.type });

/** The partnership's public organisation registry. */
@ApiTags('organisaties')
@Public()
@Controller('organisaties')
export class OrganisatiesController {
  constructor(private readonly register: OrganisatieRegisterService) {}

  @Get()
  @ApiOperation({ summary: 'All partner organisations', description: 'Public: holds no personal data; the sign-in picks from it.', security: [] })
  @ApiOkResponse({ type: [OrganisatieDto] })
  async list(): Promise<OrganisatieBody[]> {
    return (await this.register.list()).map(toDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partner organisation', security: [] })
  @ApiOkResponse({ type: OrganisatieDto })
  @ApiNotFoundResponse({ description: 'MONITORING.ORGANISATIE_NOT_FOUND (problem+json)' })
  async get(@Param('id') id: string): Promise<OrganisatieBody> {
    // An id the registry cannot hold is not looked up (a NUL byte would not even reach the database).
    if (id.length > ORGANISATIE_ID_MAX || !ORGANISATIE_ID_PATROON.test(id))
      throw new NotFoundError({ code: 'MONITORING.ORGANISATIE_NOT_FOUND', detail: 'No such organisation is registered.' });
    return toDto(await this.register.get(id));
  }
}
