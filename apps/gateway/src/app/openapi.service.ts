import { Inject, Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi, ServiceDocument } from './openapi-merge';
import { ROUTE_TABLE, ServiceName, ServiceUrls } from './route-table';
import { SERVICE_URLS } from './tokens';

const FETCH_TIMEOUT_MS = 3_000;

/**
 * Builds the merged OpenAPI document on request from every service's `GET /openapi.json`,
 * so a service that (re)starts later is picked up without restarting the gateway.
 */
@Injectable()
export class OpenApiService {
  private gatewayDocument?: OpenAPIObject;

  constructor(@Inject(SERVICE_URLS) private readonly urls: ServiceUrls) {}

  /** The gateway's own endpoints, generated once the application is initialised. */
  setGatewayDocument(document: OpenAPIObject): void {
    this.gatewayDocument = document;
  }

  async merged(): Promise<OpenAPIObject> {
    const services = Object.keys(this.urls) as ServiceName[];
    const documents = await Promise.all(services.map((service) => this.fetchDocument(service)));
    const base = this.gatewayDocument ?? { openapi: '3.0.0', info: { title: 'Ketenregie API', version: '1' }, paths: {} };
    return mergeOpenApi(base, documents, ROUTE_TABLE);
  }

  private async fetchDocument(service: ServiceName): Promise<ServiceDocument> {
    try {
      const response = await fetch(`${this.urls[service]}/openapi.json`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) return { service, error: `HTTP ${response.status}` };
      return { service, document: (await response.json()) as OpenAPIObject };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { service, error: cause?.code ?? (error as Error).message };
    }
  }
}
