import { DynamicModule, Module } from '@nestjs/common';
import { CONSENT_MIGRATIONS, CONSENT_SCHEMA, registerConsentMetrics } from '@ketenregie/consent-data-access';
import { kluisDienstModules } from '@ketenregie/shared-crypto';
import { dienstIdentiteit, HttpOntvanger, ToegangModule, trajectBetrokkenheid } from '@ketenregie/shared-platform';
import type { OrganisatieRegister } from '@ketenregie/shared-platform';
import type { ConsentServiceConfig } from './consent-service.config';
import { ConsentModule, ConsentModuleOptions } from './consent.module';

/** consent-service: consent registry, decisions, the processing log and inzage. */
@Module({})
export class AppModule {
  /**
   * @param overrides tests replace the workflow port and use a schema of their own; the service
   * itself always runs in {@link CONSENT_SCHEMA} with the Temporal client.
   */
  static register(
    config: ConsentServiceConfig,
    overrides: Partial<Pick<ConsentModuleOptions, 'levenscyclus' | 'betrokkenheid' | 'ontvangers'>> & {
      readonly schema?: string;
      readonly register?: OrganisatieRegister;
    } = {},
  ): DynamicModule {
    const schema = overrides.schema ?? CONSENT_SCHEMA;
    return {
      module: AppModule,
      imports: [
        ...kluisDienstModules(config, {
          schema,
          migrations: () => CONSENT_MIGRATIONS,
          applicationName: 'consent-service',
          poolSize: 10,
          metrics: registerConsentMetrics,
          tabellen: { consent: schema },
          temporal: !overrides.levenscyclus,
        }),
        ToegangModule.forRoot(overrides.register ? { register: overrides.register } : { monitorServiceUrl: config.MONITOR_SERVICE_URL }),
        ConsentModule.register({
          pseudoniemSleutelId: config.CONSENT_PSEUDONIEM_SLEUTEL_ID,
          // Involvement from traject-service, remembered for CONSENT_BETROKKENHEID_CACHE_MS (see GecachteBetrokkenheid).
          betrokkenheid: overrides.betrokkenheid ?? trajectBetrokkenheid(config.TRAJECT_SERVICE_URL, config.CONSENT_BETROKKENHEID_CACHE_MS),
          // A withdrawn consent ends the receivers' involvement it carried, told with consent-service's own service token.
          ontvangers: overrides.ontvangers ?? new HttpOntvanger(config.TRAJECT_SERVICE_URL, dienstIdentiteit(config, 'ketenregie-consent-service')),
          pseudoniemSleutel: config.CONSENT_PSEUDONIEM_SLEUTEL,
          ketenSleutel: config,
          bezorgIntervalMs: config.CONSENT_LEVENSCYCLUS_BEZORG_INTERVAL_MS,
          anker: {
            map: config.CONSENT_LOG_ANKER_MAP,
            intervalMs: config.CONSENT_LOG_ANKER_INTERVAL_MS,
            ...(config.CONSENT_LOG_ANKER_SLEUTEL ? { sleutelPem: config.CONSENT_LOG_ANKER_SLEUTEL } : {}),
          },
          levenscyclus: overrides.levenscyclus,
          herinneringDagen: config.CONSENT_HERINNERING_DAGEN,
        }),
      ],
    };
  }
}
