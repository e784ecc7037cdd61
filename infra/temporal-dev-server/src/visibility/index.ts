export type {
  CompileListQueryOptions,
  CompiledListQuery,
  SearchAttributeType,
  VisibilityRecord,
} from './visibility.types';
export { VisibilityQueryError } from './visibility-query.error';
export { compileListQuery } from './compile-list-query';
export { isReservedAttributeName } from './attributes';
