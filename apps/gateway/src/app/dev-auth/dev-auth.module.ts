import { DynamicModule, Module } from '@nestjs/common';
import type { EmbeddedSigner } from '@ketenregie/shared-platform';
import { DevTokenController, EMBEDDED_SIGNER } from './dev-token.controller';

/** `POST /auth/dev-token` and `GET /auth/jwks.json`; the gateway imports it in embedded mode only. */
@Module({})
export class DevAuthModule {
  static register(signer: EmbeddedSigner): DynamicModule {
    return {
      module: DevAuthModule,
      controllers: [DevTokenController],
      providers: [{ provide: EMBEDDED_SIGNER, useValue: signer }],
    };
  }
}
