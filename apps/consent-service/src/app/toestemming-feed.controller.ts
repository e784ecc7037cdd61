import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ToestemmingFeedService } from '@ketenregie/consent-application';
import { CurrentIdentity, ServiceActor, type Identity } from '@ketenregie/shared-platform';

/** The consent context's outbox as a feed of CloudEvents (service token only, no personal data). */
@ApiTags('toestemmingen')
@Controller('toestemming-gebeurtenissen')
export class ToestemmingFeedController {
  constructor(private readonly feed: ToestemmingFeedService) {}

  @Get()
  @ServiceActor('required')
  @ApiOperation({ summary: "Consents given and withdrawn after a sequence number, oldest first (monitor-service's projection reads them)" })
  @ApiQuery({ name: 'na', required: false })
  @ApiQuery({ name: 'max', required: false })
  pagina(
    @Query('na', new DefaultValuePipe(0), ParseIntPipe) na: number,
    @Query('max', new DefaultValuePipe(500), ParseIntPipe) max: number,
    @CurrentIdentity() door: Identity,
  ) {
    return this.feed.pagina(na, max, door);
  }
}
