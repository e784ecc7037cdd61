import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentIdentity, ServiceActor, type Identity } from '@ketenregie/shared-platform';
import { TrajectFeedService } from '@ketenregie/traject-application';

/** The traject context's outbox as a feed of CloudEvents (service token only, no personal data). */
@ApiTags('trajecten')
@Controller('traject-gebeurtenissen')
export class TrajectFeedController {
  constructor(private readonly feed: TrajectFeedService) {}

  @Get()
  @ServiceActor('required')
  @ApiOperation({ summary: "Published traject events after a sequence number, oldest first (monitor-service's projection reads them)" })
  @ApiQuery({ name: 'na', required: false, description: 'Last sequence number already processed (default 0)' })
  @ApiQuery({ name: 'max', required: false, description: 'Page size, at most 1000 (default 500)' })
  pagina(
    @Query('na', new DefaultValuePipe(0), ParseIntPipe) na: number,
    @Query('max', new DefaultValuePipe(500), ParseIntPipe) max: number,
    @CurrentIdentity() door: Identity,
  ) {
    return this.feed.pagina(na, max, door);
  }
}
