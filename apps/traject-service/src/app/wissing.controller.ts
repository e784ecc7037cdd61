import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { aanroepVan, CurrentIdentity, Identity, ServiceActor } from '@ketenregie/shared-platform';
import { WISSING_GRONDEN, WissingService } from '@ketenregie/traject-application';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `POST /deelnemers/{id}/wissing`: the lawful ground of an erasure. */
export class WissingDto extends createZodDto(
  z
    .object({
      grond: z
        .enum(WISSING_GRONDEN)
        .describe('Lawful ground: a request of the deelnemer (AVG art. 17), the end of the retention period, or unlawful processing'),
    })
    .strict(),
) {}

/**
 * Erasure of a deelnemer by the gemeente's fg (AVG art. 17). The retention workflow (consent
 * context, in the worker) calls it with the worker's service token acting for the gemeente's fg
 * when the register's retention period has passed (`bewaartermijn-verstreken`).
 */
@ApiTags('deelnemers')
@Controller('deelnemers')
export class WissingController {
  constructor(private readonly wissing: WissingService) {}

  @Post(':id/wissing')
  @ServiceActor()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Erase a deelnemer (the gemeente's fg): destroys the deelnemer's keys, so their data in every table, workflow history and export is unreadable; refused while a traject runs; the erasure is written to the processing log first",
  })
  wis(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WissingDto, @CurrentIdentity() door: Identity, @Req() req: Request) {
    return this.wissing.wis(id, body.grond, door, aanroepVan(req));
  }
}
