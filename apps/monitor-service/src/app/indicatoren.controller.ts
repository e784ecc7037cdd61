import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IndicatorService } from '@ketenregie/monitoring-application';
import { INDICATOR_CODES, INDICATOR_DEFINITIES } from '@ketenregie/monitoring-domain';
import { CurrentIdentity, Toegang, type Identity } from '@ketenregie/shared-platform';
import { IndicatorRapportDto, selectieVan } from './indicatoren.dto';

const QUERY = [
  { name: 'periode', required: false, enum: ['maand', 'kwartaal', 'jaar'] },
  { name: 'partners', required: false, description: 'Comma-separated organisation ids (default: every partner)' },
  { name: 'indicatoren', required: false, description: `Comma-separated: ${INDICATOR_CODES.join(', ')}` },
  { name: 'van', required: false, description: 'First month, YYYY-MM' },
  { name: 'tot', required: false, description: 'Last month, YYYY-MM' },
] as const;

const queries = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  for (const q of QUERY) ApiQuery(q)(target, key, descriptor);
};

/**
 * The convenant's indicators for the stuurgroep: aggregates per period and partner, small cells
 * suppressed, each indicator with its written definition. No personal data, no free text.
 */
@ApiTags('indicatoren')
@Controller('indicatoren')
export class IndicatorenController {
  constructor(
    private readonly indicatoren: IndicatorService,
    private readonly toegang: Toegang,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Indicators per period and partner with their definitions (counts of 1 to 4 suppressed)' })
  @ApiOkResponse({ type: IndicatorRapportDto })
  @queries()
  rapport(@Query() query: Record<string, string>, @CurrentIdentity() door: Identity) {
    return this.indicatoren.rapport(selectieVan(query), door);
  }

  @Get('export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="indicatoren.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same figures as CSV' })
  @queries()
  csv(@Query() query: Record<string, string>, @CurrentIdentity() door: Identity) {
    return this.indicatoren.csv(selectieVan(query), door);
  }

  @Get('definities')
  @ApiOperation({ summary: 'The written definition of every indicator (numerator, denominator, period rule)' })
  @ApiOkResponse({ description: 'IndicatorDefinitie[]' })
  async definities(@CurrentIdentity() door: Identity) {
    await this.toegang.eis(door, 'indicatoren.lezen');
    return INDICATOR_CODES.map((c) => INDICATOR_DEFINITIES[c]);
  }
}
