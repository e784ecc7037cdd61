import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './openapi-merge';
import type { Route } from './route-table';

const gateway: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'Ketenregie API', version: '1' },
  paths: { '/auth/dev-token': { post: { tags: ['auth'], responses: { '200': { description: 'token' } } } } },
  components: { schemas: { Problem: { type: 'object', properties: { title: { type: 'string' } } } } },
};

const monitor: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'monitor-service', version: '1' },
  paths: {
    '/api/v1/organisaties': {
      get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Organisatie' } } } } } },
    },
    '/api/v1/organisaties/{id}': {
      get: {
        tags: ['organisaties'],
        responses: { '404': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
      },
    },
    '/health/ready': { get: { responses: { '200': { description: 'ok' } } } },
  },
  components: {
    schemas: {
      Organisatie: { type: 'object', properties: { id: { type: 'string' } } },
      Problem: { type: 'object', properties: { title: { type: 'string' }, code: { type: 'string' } } },
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

const routes: Route[] = [{ prefix: '/api/v1/organisaties', service: 'monitor-service' }];

describe('mergeOpenApi', () => {
  it('keeps only routed paths of a service and tags untagged operations with the service', () => {
    const merged = mergeOpenApi(gateway, [{ service: 'monitor-service', document: monitor }], routes);
    expect(Object.keys(merged.paths).sort()).toEqual(['/api/v1/organisaties', '/api/v1/organisaties/{id}', '/auth/dev-token']);
    expect(merged.paths['/api/v1/organisaties'].get?.tags).toEqual(['monitor-service']);
    expect(merged.paths['/api/v1/organisaties/{id}'].get?.tags).toEqual(['organisaties']);
    expect(merged.components?.securitySchemes).toHaveProperty('bearer');
    expect((merged as unknown as Record<string, unknown>)['x-ketenregie-services']).toEqual({ 'monitor-service': 'ok' });
  });

  it('renames a clashing schema and rewrites the references to it', () => {
    const merged = mergeOpenApi(gateway, [{ service: 'monitor-service', document: monitor }], routes);
    const schemas = merged.components?.schemas ?? {};
    expect(schemas['Problem']).toEqual(gateway.components?.schemas?.['Problem']);
    expect(schemas['monitor-service.Problem']).toEqual(monitor.components?.schemas?.['Problem']);
    const response = merged.paths['/api/v1/organisaties/{id}'].get?.responses['404'] as { content: Record<string, { schema: { $ref: string } }> };
    expect(response.content['application/json'].schema.$ref).toBe('#/components/schemas/monitor-service.Problem');
    expect(schemas['Organisatie']).toBeDefined();
  });

  it('marks the document incomplete when a service could not be reached', () => {
    const merged = mergeOpenApi(gateway, [{ service: 'monitor-service', error: 'connect ECONNREFUSED' }], routes);
    expect(Object.keys(merged.paths)).toEqual(['/auth/dev-token']);
    expect(merged.info.description).toContain('monitor-service: unavailable: connect ECONNREFUSED');
  });
});
