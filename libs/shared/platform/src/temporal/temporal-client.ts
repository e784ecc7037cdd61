import { DynamicModule, Inject, Injectable, InjectionToken, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, type TLSConfig } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { type TemporalConfig, temporalTls } from '../config/config';

/** Where the Temporal frontend is (`TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`) and how to reach it (`temporalTls`). */
export interface TemporalClientOptions {
  readonly address: string;
  readonly namespace: string;
  /** TLS (and mTLS with a client certificate) towards the frontend; see {@link temporalTls}. */
  readonly tls?: TLSConfig;
}

/** How a Temporal client's data converter (the payload codec) is made: a Nest factory. */
export interface TemporalDataConverterFactory {
  readonly inject: InjectionToken[];
  readonly useFactory: (...args: never[]) => DataConverter | Promise<DataConverter>;
}

/**
 * The Temporal frontend of the configuration: address, namespace and TLS ({@link temporalTls}).
 * Every service's client and readiness check connects with it, so TLS and mutual TLS towards a
 * production cluster hold for all of them.
 */
export function temporalVerbinding(config: TemporalConfig): TemporalClientOptions {
  const tls = temporalTls(config);
  return { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, ...(tls ? { tls } : {}) };
}

const TEMPORAL_CLIENT_OPTIONS = Symbol('TEMPORAL_CLIENT_OPTIONS');
const TEMPORAL_DATA_CONVERTER = Symbol('TEMPORAL_DATA_CONVERTER');

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
 * as `Client` from `@temporalio/client`. With `dataConverter`, every payload passes its codec
 * (the services encrypt with the deelnemer's key, see `KluisPayloadCodec`).
 */
@Module({})
export class TemporalClientModule {
  static forRoot(options: TemporalClientOptions, dataConverter?: TemporalDataConverterFactory): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: TEMPORAL_CLIENT_OPTIONS, useValue: options },
        dataConverter
          ? { provide: TEMPORAL_DATA_CONVERTER, inject: dataConverter.inject, useFactory: dataConverter.useFactory as (...args: unknown[]) => DataConverter }
          : { provide: TEMPORAL_DATA_CONVERTER, useValue: undefined },
        {
          provide: Client,
          inject: [TEMPORAL_CLIENT_OPTIONS, TEMPORAL_DATA_CONVERTER],
          useFactory: (o: TemporalClientOptions, converter: DataConverter | undefined) =>
            new Client({
              connection: Connection.lazy({ address: o.address, ...(o.tls ? { tls: o.tls } : {}) }),
              namespace: o.namespace,
              // The caller's span travels in the workflow's headers to its activities (traces across Temporal).
              interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
              ...(converter ? { dataConverter: converter } : {}),
            }),
        },
        TemporalClientLifecycle,
      ],
      exports: [Client],
    };
  }
}
