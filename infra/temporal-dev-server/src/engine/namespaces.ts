import { randomUUID } from 'node:crypto';
import type { Msg } from '../proto/proto';
import { indexedValueType, payloadType, PREDEFINED_SEARCH_ATTRIBUTES, SYSTEM_SEARCH_ATTRIBUTES, withTypeMetadata } from '../model/search-attributes';
import type { NamespaceRecord, Store } from '../store/store';
import type { SearchAttributeType } from '../visibility';
import { RpcError } from './errors';

/**
 * The namespace registry (Temporal's frontend keeps one): namespaces, their retention and their
 * registered search attributes, and the check of a request's search attributes against them.
 */
export class Namespaces {
  constructor(private readonly store: Store) {}

  /** Registers (or keeps) the namespaces a server starts with, adding the given search attributes. */
  async ensure(namespaces: string[], searchAttributes: Record<string, SearchAttributeType>): Promise<void> {
    for (const name of namespaces) {
      const existing = await this.store.getNamespace(name);
      await this.store.putNamespace({
        name,
        id: existing?.id ?? randomUUID(),
        retentionDays: existing?.retentionDays ?? 1,
        searchAttributes: { ...PREDEFINED_SEARCH_ATTRIBUTES, ...(existing?.searchAttributes ?? {}), ...searchAttributes },
      });
    }
  }

  /** A registered namespace (`default` for an empty name), or NOT_FOUND as Temporal words it. */
  async get(name: string): Promise<NamespaceRecord> {
    const record = await this.store.getNamespace(name || 'default');
    if (!record) {
      throw new RpcError('NOT_FOUND', `Namespace ${name} is not found.`, {
        typeName: 'temporal.api.errordetails.v1.NamespaceNotFoundFailure',
        body: { namespace: name },
      });
    }
    return record;
  }

  async register(name: string, retentionDays: number): Promise<void> {
    if (await this.store.getNamespace(name)) {
      throw new RpcError('ALREADY_EXISTS', 'Namespace already exists.', {
        typeName: 'temporal.api.errordetails.v1.NamespaceAlreadyExistsFailure',
        body: {},
      });
    }
    await this.store.putNamespace({ name, id: randomUUID(), retentionDays, searchAttributes: { ...PREDEFINED_SEARCH_ATTRIBUTES } });
  }

  async addSearchAttributes(namespace: string, attributes: Record<string, SearchAttributeType>): Promise<void> {
    const record = await this.get(namespace);
    await this.store.putNamespace({ ...record, searchAttributes: { ...record.searchAttributes, ...attributes } });
  }

  async removeSearchAttributes(namespace: string, names: string[]): Promise<void> {
    const record = await this.get(namespace);
    const searchAttributes = { ...record.searchAttributes };
    for (const name of names) delete searchAttributes[name];
    await this.store.putNamespace({ ...record, searchAttributes });
  }

  /** The namespace's custom and the system search attributes with their `INDEXED_VALUE_TYPE_*`. */
  async searchAttributeTypes(namespace: string): Promise<{ custom: Record<string, string>; system: Record<string, string> }> {
    const record = await this.get(namespace);
    const custom: Record<string, string> = {};
    for (const [name, type] of Object.entries(record.searchAttributes)) custom[name] = indexedValueType(type);
    const system: Record<string, string> = {};
    for (const [name, type] of Object.entries(SYSTEM_SEARCH_ATTRIBUTES)) system[name] = indexedValueType(type);
    return { custom, system };
  }
}

/**
 * Checks attributes against the namespace's registered ones and sets their type metadata;
 * `strict` refuses an attribute the namespace has not registered.
 */
export function normalizeSearchAttributes(record: NamespaceRecord, fields: Record<string, Msg> | undefined, strict: boolean): Record<string, Msg> | undefined {
  if (!fields) return undefined;
  const out: Record<string, Msg> = {};
  for (const [name, payload] of Object.entries(fields)) {
    const type = record.searchAttributes[name] ?? payloadType(payload);
    if (!record.searchAttributes[name] && strict) {
      throw new RpcError('INVALID_ARGUMENT', `Namespace ${record.name} has no mapping defined for search attribute ${name}`);
    }
    out[name] = type ? withTypeMetadata(payload, type) : payload;
  }
  return out;
}
