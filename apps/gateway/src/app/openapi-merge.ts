import type { OpenAPIObject } from '@nestjs/swagger';
import { matchesPrefix, type Route } from './route-table';

/** A service's OpenAPI document as fetched, or why it could not be fetched. */
export type ServiceDocument = { readonly service: string; readonly document: OpenAPIObject } | { readonly service: string; readonly error: string };

type Json = unknown;
const SCHEMA_REF = '#/components/schemas/';

function rewriteRefs(value: Json, renames: ReadonlyMap<string, string>): Json {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renames));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_REF)) {
          const renamed = renames.get(v.slice(SCHEMA_REF.length));
          return [key, renamed ? SCHEMA_REF + renamed : v];
        }
        return [key, rewriteRefs(v, renames)];
      }),
    );
  }
  return value;
}

const sameJson = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges the gateway's own document with every service's document into the one document the
 * gateway publishes at `/api/v1/openapi.json`:
 * - from a service only the paths the route table sends to that service (its health and
 *   OpenAPI endpoints are internal);
 * - operations without tags get the service name as tag;
 * - component schemas with the same name and different content are renamed
 *   `<service>.<name>` (and their `$ref`s rewritten), identical ones are shared;
 * - services whose document could not be fetched are listed in `info.description` and in
 *   `x-ketenregie-services`, so a partial document is never mistaken for a complete one.
 */
export function mergeOpenApi(gateway: OpenAPIObject, services: readonly ServiceDocument[], routes: readonly Route[]): OpenAPIObject {
  const schemas: NonNullable<NonNullable<OpenAPIObject['components']>['schemas']> = { ...gateway.components?.schemas };
  const securitySchemes: NonNullable<NonNullable<OpenAPIObject['components']>['securitySchemes']> = { ...gateway.components?.securitySchemes };
  const tags: NonNullable<OpenAPIObject['tags']> = [...(gateway.tags ?? [])];
  const merged: OpenAPIObject = { ...gateway, paths: { ...gateway.paths }, components: { ...gateway.components, schemas, securitySchemes }, tags };
  const status: Record<string, string> = {};

  for (const entry of services) {
    if ('error' in entry) {
      status[entry.service] = `unavailable: ${entry.error}`;
      continue;
    }
    status[entry.service] = 'ok';
    const { document, service } = entry;
    const renames = new Map<string, string>();
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      if (name in schemas && !sameJson(schemas[name], schema)) renames.set(name, `${service}.${name}`);
    }
    const doc = rewriteRefs(document, renames) as OpenAPIObject;
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) schemas[renames.get(name) ?? name] = schema;
    Object.assign(securitySchemes, doc.components?.securitySchemes);

    const prefixes = routes.filter((r) => r.service === service).map((r) => r.prefix);
    let routed = 0;
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!prefixes.some((prefix) => matchesPrefix(path, prefix))) continue;
      routed += 1;
      merged.paths[path] = Object.fromEntries(
        Object.entries(item).map(([method, operation]) => {
          const op = operation as { tags?: string[] } | undefined;
          const isOperation = op && typeof op === 'object' && !Array.isArray(op) && method !== 'parameters';
          return [method, isOperation && !(op.tags && op.tags.length) ? { ...op, tags: [service] } : operation];
        }),
      );
    }
    for (const tag of doc.tags ?? []) if (!tags.some((t) => t.name === tag.name)) tags.push(tag);
    if (routed > 0 && !tags.some((t) => t.name === service)) tags.push({ name: service, description: `Served by ${service}` });
  }

  const unavailable = Object.entries(status).filter(([, s]) => s !== 'ok');
  if (unavailable.length > 0) {
    const note = unavailable.map(([service, s]) => `- ${service}: ${s}`).join('\n');
    merged.info = { ...merged.info, description: `${merged.info.description ?? ''}\n\n**Incomplete document**, not included:\n${note}`.trim() };
  }
  (merged as OpenAPIObject & { 'x-ketenregie-services': Record<string, string> })['x-ketenregie-services'] = status;
  if (tags.length === 0) delete merged.tags;
  return merged;
}
