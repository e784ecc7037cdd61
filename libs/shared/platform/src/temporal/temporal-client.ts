import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';

/** Where the Temporal frontend is (`TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`). */
export interface TemporalClientOptions {
  readonly address: string;
  readonly namespace: string;
}

const TEMPORAL_CLIENT_OPTIONS = Symbol('TEMPORAL_CLIENT_OPTIONS');

/** Closes the client's connection when the application shuts down. */
@Injectable()
class TemporalClientLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/**
 * A Temporal `Client` for services that start, signal, update and query workflows (they never
 * host workers). The connection is lazy: the service starts, and answers liveness, while
 * Temporal is still coming up; readiness (`HealthModule`) reports when it answers. Inject it
 * as `Client` from `@temporalio/client`.
 */
@Module({})
export class TemporalClientModule {
  static forRoot(options: TemporalClientOptions): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: TEMPORAL_CLIENT_OPTIONS, useValue: options },
        {
          provide: Client,
          inject: [TEMPORAL_CLIENT_OPTIONS],
          useFactory: (o: TemporalClientOptions) => new Client({ connection: Connection.lazy({ address: o.address }), namespace: o.namespace }),
        },
        TemporalClientLifecycle,
      ],
      exports: [Client],
    };
  }
}
