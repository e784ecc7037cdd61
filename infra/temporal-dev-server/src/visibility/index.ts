export type { CompileListQueryOptions, CompiledListQuery, SearchAttributeType, VisibilityRecord } from './visibility.types';
export { VisibilityQueryError } from './visibility-query.error';
export { compileListQuery } from './compile-list-query';
export { isReservedAttributeName } from './attributes';
export { checkListQuery } from './compile-list-query';
export type { CheckedListQuery, CheckedOrderItem, Condition, Scalar } from './compile-list-query';
export type { ResolvedAttribute } from './attributes';
