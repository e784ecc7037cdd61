/**
 * How search attribute payloads carry their type and how they decode into visibility values;
 * shared by the engine (which stamps the type) and the store (which indexes the values).
 */
import type { Msg } from '../proto/proto';
import type { SearchAttributeType } from '../visibility';

/** Custom attributes every dev server knows without registration. */
export const PREDEFINED_SEARCH_ATTRIBUTES: Record<string, SearchAttributeType> = {
  CustomKeywordField: 'Keyword',
  CustomStringField: 'Text',
  CustomTextField: 'Text',
  CustomIntField: 'Int',
  CustomDoubleField: 'Double',
  CustomBoolField: 'Bool',
  CustomDatetimeField: 'Datetime',
};

/** System attributes reported by GetSearchAttributes / ListSearchAttributes. */
export const SYSTEM_SEARCH_ATTRIBUTES: Record<string, SearchAttributeType> = {
  WorkflowId: 'Keyword',
  RunId: 'Keyword',
  WorkflowType: 'Keyword',
  ExecutionStatus: 'Keyword',
  TaskQueue: 'Keyword',
  StartTime: 'Datetime',
  CloseTime: 'Datetime',
  ExecutionTime: 'Datetime',
  HistoryLength: 'Int',
};

const TYPE_NAMES: SearchAttributeType[] = ['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList'];

/** Parses `Keyword`, `keyword`, `INDEXED_VALUE_TYPE_KEYWORD` or `KEYWORD_LIST` into a type name. */
export function parseSearchAttributeType(raw: string): SearchAttributeType | undefined {
  const normalized = raw
    .replace(/^INDEXED_VALUE_TYPE_/, '')
    .replace(/_/g, '')
    .toLowerCase();
  return TYPE_NAMES.find((t) => t.toLowerCase() === normalized);
}

/** `INDEXED_VALUE_TYPE_*` enum name of a type. */
export function indexedValueType(type: SearchAttributeType): string {
  return type === 'KeywordList' ? 'INDEXED_VALUE_TYPE_KEYWORD_LIST' : `INDEXED_VALUE_TYPE_${type.toUpperCase()}`;
}

function metadataString(payload: Msg, key: string): string | undefined {
  const value = payload.metadata?.[key];
  return value === undefined ? undefined : Buffer.from(value).toString('utf8');
}

/** Type carried in a search attribute payload's `type` metadata, if any. */
export function payloadType(payload: Msg): SearchAttributeType | undefined {
  const raw = metadataString(payload, 'type');
  return raw ? parseSearchAttributeType(raw) : undefined;
}

/** Sets the `type` metadata the SDK expects when decoding search attributes. */
export function withTypeMetadata(payload: Msg, type: SearchAttributeType): Msg {
  return { ...payload, metadata: { ...(payload.metadata ?? {}), type: Buffer.from(type) } };
}

/** Decodes a search attribute payload into a visibility value. */
export function decodeSearchAttribute(payload: Msg, type: SearchAttributeType | undefined): unknown {
  const data = payload.data ? Buffer.from(payload.data).toString('utf8') : '';
  if (data === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  const effective = type ?? payloadType(payload);
  if (effective === 'Datetime') {
    if (Array.isArray(value)) return value.length > 0 ? new Date(String(value[0])) : undefined;
    return new Date(String(value));
  }
  if (effective === 'KeywordList') return Array.isArray(value) ? value.map(String) : [String(value)];
  if (Array.isArray(value) && effective !== undefined) return value.length === 1 ? value[0] : value;
  return value;
}
