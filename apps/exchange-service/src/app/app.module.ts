import { DynamicModule, Module } from '@nestjs/common';
import { EXCHANGE_SCHEMA, exchangeMigraties, registerExchangeMetrics } from '@ketenregie/exchange-data-access';
import { BESLUITEN_PATH, VERWERKINGEN_PATH } from '@ketenregie/consent-contracts';
import {
  dienstIdentiteit,
  HttpBesluiten,
  HttpOntvanger,
  HttpVerwerkingslog,
  ToegangModule,
  trajectBetrokkenheid,
  unavailable,
} from '@ketenregie/shared-platform';
import { kluisDienstModules } from '@ketenregie/shared-crypto';
import type { OrganisatieRegister } from '@ketenregie/shared-platform';
import type { ExchangeServiceConfig } from './exchange-service.config';
import { ExchangeModule, ExchangeModuleOptions } from './exchange.module';
import { httpWebhookVerzender, webhookDoelControle } from './http-webhook';

/** No consent decision could be made (503), so nothing was disclosed. */
const besluitOnbereikbaar = unavailable('EXCHANGE.BESLUIT_ONBEREIKBAAR', 'The consent decision could not be made, so nothing was disclosed. Try again later.');

/** Schema of exchange-service. */
export { EXCHANGE_SCHEMA };

/** exchange-service: warm handovers, referrals, partner inboxes and the CloudEvents outbox. */
@Module({})
export class AppModule {
  static register(
    config: ExchangeServiceConfig,
    overrides: Partial<ExchangeModuleOptions> & { readonly schema?: string; readonly register?: OrganisatieRegister } = {},
  ): DynamicModule {
    const beleid = { privateDoelenToestaan: config.EXCHANGE_WEBHOOK_ALLOW_PRIVATE_TARGETS };
    const schema = overrides.schema ?? EXCHANGE_SCHEMA;
    return {
      module: AppModule,
      imports: [
        ...kluisDienstModules(config, {
          schema,
          migrations: exchangeMigraties,
          applicationName: 'exchange-service',
          metrics: registerExchangeMetrics,
          tabellen: { exchange: schema },
          temporal: !overrides.workflows,
        }),
        ToegangModule.forRoot(overrides.register ? { register: overrides.register } : { monitorServiceUrl: config.MONITOR_SERVICE_URL }),
        ExchangeModule.register({
          workflows: overrides.workflows,
          verwerkingslog:
            overrides.verwerkingslog ??
            new HttpVerwerkingslog(`${config.CONSENT_SERVICE_URL}${VERWERKINGEN_PATH}`, dienstIdentiteit(config, 'ketenregie-exchange-service')),
          webhook: overrides.webhook ?? httpWebhookVerzender(beleid),
          webhookDoel: overrides.webhookDoel ?? webhookDoelControle(beleid),
          // Involvement from traject-service, remembered for EXCHANGE_BETROKKENHEID_CACHE_MS (see GecachteBetrokkenheid).
          betrokkenheid: overrides.betrokkenheid ?? trajectBetrokkenheid(config.TRAJECT_SERVICE_URL, config.EXCHANGE_BETROKKENHEID_CACHE_MS),
          ontvangers: overrides.ontvangers ?? new HttpOntvanger(config.TRAJECT_SERVICE_URL, dienstIdentiteit(config, 'ketenregie-exchange-service')),
          besluiten: overrides.besluiten ?? new HttpBesluiten(`${config.CONSENT_SERVICE_URL}${BESLUITEN_PATH}`, besluitOnbereikbaar),
          bezorging: overrides.bezorging ?? {
            actief: true,
            intervalMs: config.EXCHANGE_OUTBOX_INTERVAL_MS,
            leaseMs: config.EXCHANGE_OUTBOX_LEASE_MS,
            basisMs: config.EXCHANGE_OUTBOX_BACKOFF_MS,
            maxMs: config.EXCHANGE_OUTBOX_BACKOFF_MAX_MS,
            maxPogingen: config.EXCHANGE_OUTBOX_MAX_POGINGEN,
          },
        }),
      ],
    };
  }
}
