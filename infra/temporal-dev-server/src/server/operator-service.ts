import type { Engine } from '../engine/engine';
import { parseSearchAttributeType } from '../model/search-attributes';
import { RpcError } from '../engine/errors';
import type { SearchAttributeType } from '../visibility';
import { answeredEmpty } from './answered-empty';
import type { Handler } from './grpc-server';

/** Handlers of `temporal.api.operatorservice.v1.OperatorService` (search attribute registry). */
export function operatorHandlers(engine: Engine): Record<string, Handler> {
  return {
    AddSearchAttributes: async (request) => {
      const attributes: Record<string, SearchAttributeType> = {};
      for (const [name, raw] of Object.entries((request.search_attributes ?? {}) as Record<string, string>)) {
        const type = parseSearchAttributeType(String(raw));
        if (!type) throw new RpcError('INVALID_ARGUMENT', `Unknown search attribute type ${String(raw)} for ${name}`);
        attributes[name] = type;
      }
      await engine.namespaces.addSearchAttributes(request.namespace || 'default', attributes);
      return {};
    },
    RemoveSearchAttributes: answeredEmpty((request) =>
      engine.namespaces.removeSearchAttributes(request.namespace || 'default', request.search_attributes ?? []),
    ),
    ListSearchAttributes: async (request) => {
      const { custom, system } = await engine.namespaces.searchAttributeTypes(request.namespace || 'default');
      return { custom_attributes: custom, system_attributes: system, storage_schema: {} };
    },
  };
}
