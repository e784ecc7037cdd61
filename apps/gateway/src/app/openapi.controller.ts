import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiService } from './openapi.service';

/** The merged OpenAPI document of every service behind the gateway. */
@ApiExcludeController()
@Controller('api/v1')
export class OpenApiController {
  constructor(private readonly openApi: OpenApiService) {}

  @Get('openapi.json')
  document(): Promise<OpenAPIObject> {
    return this.openApi.merged();
  }
}
