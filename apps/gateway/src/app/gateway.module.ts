import { DynamicModule, Global, Module } from '@nestjs/common';
import { type EmbeddedSigner, HttpOrganisatieRegister, ORGANISATIE_REGISTER } from '@ketenregie/shared-platform';
import { DevAuthModule } from './dev-auth/dev-auth.module';
import { GatewayConfig, serviceUrls } from './gateway.config';
import { GatewayHealthController, GatewayReadiness } from './gateway-health.controller';
import { OpenApiController } from './openapi.controller';
import { OpenApiService } from './openapi.service';
import { PortalConfigController } from './portal-config.controller';
import { GATEWAY_CONFIG, SERVICE_URLS } from './tokens';

@Global()
@Module({})
class GatewayCoreModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayCoreModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: SERVICE_URLS, useValue: serviceUrls(config) },
        // Organisation types come from the registry through the platform's one client, as in every service.
        { provide: ORGANISATIE_REGISTER, useValue: new HttpOrganisatieRegister(serviceUrls(config)['monitor-service']) },
      ],
      exports: [GATEWAY_CONFIG, SERVICE_URLS, ORGANISATIE_REGISTER],
    };
  }
}

/**
 * The gateway's own endpoints: the portal's configuration, health, merged OpenAPI and, in embedded mode only,
 * the dev-token issuer (`signer` is required then and ignored otherwise). Proxying to the
 * services is mounted in front of Nest by `mountServiceProxies`.
 */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, signer?: EmbeddedSigner): DynamicModule {
    if (config.KETENREGIE_MODE === 'embedded' && !signer) throw new Error('Embedded mode needs the embedded signer');
    return {
      module: GatewayModule,
      imports: [GatewayCoreModule.register(config), ...(config.KETENREGIE_MODE === 'embedded' && signer ? [DevAuthModule.register(signer)] : [])],
      controllers: [PortalConfigController, GatewayHealthController, OpenApiController],
      providers: [OpenApiService, GatewayReadiness],
      exports: [OpenApiService],
    };
  }
}
