import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, DatabaseModule, HealthModule, TemporalClientModule } from '@ketenregie/shared-platform';
import type { TrajectWorkflows } from '@ketenregie/traject-application';
import { TRAJECT_ENTITIES, TRAJECT_SCHEMA, trajectMigraties } from '@ketenregie/traject-data-access';
import { deelnemerKluis } from './traject-service.config';
import type { TrajectServiceConfig } from './traject-service.config';
import { TrajectModule } from './traject.module';

/** traject-service: deelnemers, programmas, trajecten and the task list. */
@Module({})
export class AppModule {
  /**
   * @param overrides tests pass a workflow port over their own Temporal test environment and a
   * schema of their own; the service itself runs in {@link TRAJECT_SCHEMA} with the Temporal client.
   */
  static register(config: TrajectServiceConfig, overrides: { readonly workflows?: TrajectWorkflows; readonly schema?: string } = {}): DynamicModule {
    const temporal = { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE };
    const kluis = deelnemerKluis(config);
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: overrides.schema ?? TRAJECT_SCHEMA,
          entities: TRAJECT_ENTITIES,
          migrations: trajectMigraties(kluis),
          applicationName: 'traject-service',
          poolSize: 10,
        }),
        AuthModule.forRoot({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, jwksUrl: config.AUTH_JWKS_URL }),
        HealthModule.forRoot({ temporal: overrides.workflows ? false : temporal }),
        ...(overrides.workflows ? [] : [TemporalClientModule.forRoot(temporal)]),
        TrajectModule.register({
          kluis,
          workflows: overrides.workflows,
        }),
      ],
    };
  }
}
