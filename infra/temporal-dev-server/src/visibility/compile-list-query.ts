import { NAMESPACE_DIVISION, type ResolvedAttribute, resolveAttribute } from './attributes';
import { type ColumnRef, type ComparisonOperator, type Expr, type Literal, type OrderItem, parseListQuery } from './parser';
import { canonicalStatus, NANOS_PER_MILLI, parseDurationNanos, parseExecutionDurationNanos, parseRfc3339Nanos, textTokens, toNanos } from './values';
import { VisibilityQueryError } from './visibility-query.error';
import { type CompileListQueryOptions, type CompiledListQuery, type SearchAttributeType, type VisibilityRecord } from './visibility.types';

/** A comparable attribute value: string (Keyword, Text), number (Int, Double), boolean, bigint (Datetime ns). */
export type Scalar = string | number | boolean | bigint;

/** SQL's three-valued logic: `null` is UNKNOWN (a condition on an attribute the record lacks). */
type Truth = boolean | null;
type Predicate = (r: VisibilityRecord) => Truth;

/**
 * A list filter condition after name resolution and type checking, with its literals converted
 * to the attribute's comparable form. The in-memory evaluator and the SQL compiler of the
 * PostgreSQL store both start from it, so both accept and reject exactly the same queries.
 */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; expr: Condition }
  | { kind: 'isNull'; attr: ResolvedAttribute; negated: boolean }
  /** A scalar attribute (not Text, not KeywordList) compared with `value`. */
  | { kind: 'compare'; attr: ResolvedAttribute; op: ComparisonOperator; value: Scalar }
  /** A scalar attribute equal to one of `values`. */
  | { kind: 'in'; attr: ResolvedAttribute; negated: boolean; values: Scalar[] }
  | { kind: 'between'; attr: ResolvedAttribute; negated: boolean; from: Scalar; to: Scalar }
  | { kind: 'startsWith'; attr: ResolvedAttribute; negated: boolean; prefix: string }
  /** A KeywordList containing any of `values` (`=` and `IN`). */
  | { kind: 'listContains'; attr: ResolvedAttribute; negated: boolean; values: string[] }
  /** A Text attribute sharing any word with `tokens`. */
  | { kind: 'textMatch'; attr: ResolvedAttribute; negated: boolean; tokens: string[] };

/** A sort key of `ORDER BY` (never Text or KeywordList). */
export interface CheckedOrderItem {
  attr: ResolvedAttribute;
  descending: boolean;
}

/** A list filter resolved and checked against a namespace's search attributes. */
export interface CheckedListQuery {
  where?: Condition;
  orderBy: CheckedOrderItem[];
  /** Records with a `TemporalNamespaceDivision` are hidden (the query does not mention it). */
  hideDivisions: boolean;
}

const OPERATORS: Record<SearchAttributeType, ReadonlySet<string>> = {
  Keyword: new Set(['=', '!=', '<', '<=', '>', '>=', 'IN', 'BETWEEN', 'STARTS_WITH']),
  KeywordList: new Set(['=', '!=', 'IN']),
  Text: new Set(['=', '!=']),
  Int: new Set(['=', '!=', '<', '<=', '>', '>=', 'IN', 'BETWEEN']),
  Double: new Set(['=', '!=', '<', '<=', '>', '>=', 'IN', 'BETWEEN']),
  Datetime: new Set(['=', '!=', '<', '<=', '>', '>=', 'IN', 'BETWEEN']),
  Bool: new Set(['=', '!=', '<', '<=', '>', '>=', 'IN']),
};

/**
 * Parses a Temporal list filter and checks it against the namespace's registered custom search
 * attributes (see {@link compileListQuery} for what is rejected).
 *
 * @throws VisibilityQueryError
 */
export function checkListQuery(query: string, types: Record<string, SearchAttributeType>, options: CompileListQueryOptions = {}): CheckedListQuery {
  const parsed = parseListQuery(query);
  const checker = new Checker(types, options.now ?? new Date());
  const where = parsed.where ? checker.condition(parsed.where) : undefined;
  const orderBy = parsed.orderBy.map((item) => checker.orderItem(item));
  return { where, orderBy, hideDivisions: !checker.seenNamespaceDivision };
}

/**
 * Compiles a Temporal list filter (the `query` of ListWorkflowExecutions and
 * CountWorkflowExecutions) against the namespace's registered custom search attributes.
 *
 * `matches` follows SQL semantics (a condition on an attribute a record lacks is neither true
 * nor false, so `NOT` of it is not true either). `compare` orders by the query's `ORDER BY`, then
 * by Temporal's default order: open executions first, then CloseTime, StartTime descending.
 *
 * @throws VisibilityQueryError for syntax errors, unknown attributes, unsupported operators and
 *   values of the wrong type.
 */
export function compileListQuery(query: string, types: Record<string, SearchAttributeType>, options: CompileListQueryOptions = {}): CompiledListQuery {
  const checked = checkListQuery(query, types, options);
  const where = checked.where ? predicate(checked.where) : undefined;
  const order = checked.orderBy.map(orderKey);

  const matches = (r: VisibilityRecord): boolean => {
    if (checked.hideDivisions && present(r.searchAttributes[NAMESPACE_DIVISION])) return false;
    return where ? where(r) === true : true;
  };
  const compare = (a: VisibilityRecord, b: VisibilityRecord): number => {
    for (const key of order) {
      const c = key(a, b);
      if (c !== 0) return c;
    }
    return defaultOrder(a, b);
  };
  return { matches, compare };
}

function predicate(condition: Condition): Predicate {
  switch (condition.kind) {
    case 'and': {
      const left = predicate(condition.left);
      const right = predicate(condition.right);
      return (r) => and(left(r), right(r));
    }
    case 'or': {
      const left = predicate(condition.left);
      const right = predicate(condition.right);
      return (r) => or(left(r), right(r));
    }
    case 'not': {
      const inner = predicate(condition.expr);
      return (r) => not(inner(r));
    }
    case 'isNull': {
      const { attr } = condition;
      const isNull = (r: VisibilityRecord): boolean => !present(readValue(attr, r));
      return condition.negated ? (r) => !isNull(r) : isNull;
    }
    case 'compare': {
      const { attr, value: wanted } = condition;
      const test = COMPARATORS[condition.op];
      return (r) => {
        const value = scalarOf(attr, r);
        return value === undefined ? null : test(compareScalars(value, wanted));
      };
    }
    case 'in': {
      const { attr, values } = condition;
      const isIn: Predicate = (r) => {
        const value = scalarOf(attr, r);
        return value === undefined ? null : values.some((w) => compareScalars(value, w) === 0);
      };
      return negate(isIn, condition.negated);
    }
    case 'between': {
      const { attr, from, to } = condition;
      const inRange: Predicate = (r) => {
        const value = scalarOf(attr, r);
        return value === undefined ? null : compareScalars(value, from) >= 0 && compareScalars(value, to) <= 0;
      };
      return negate(inRange, condition.negated);
    }
    case 'startsWith': {
      const { attr, prefix } = condition;
      const startsWith: Predicate = (r) => {
        const value = scalarOf(attr, r);
        return value === undefined ? null : (value as string).startsWith(prefix);
      };
      return negate(startsWith, condition.negated);
    }
    case 'listContains': {
      const { attr, values } = condition;
      const contains: Predicate = (r) => {
        const list = listOf(attr, r);
        return list === undefined ? null : values.some((w) => list.includes(w));
      };
      return negate(contains, condition.negated);
    }
    case 'textMatch': {
      const { attr, tokens } = condition;
      const matchesText: Predicate = (r) => {
        const value = scalarOf(attr, r);
        if (value === undefined) return null;
        const words = new Set(textTokens(value as string));
        return tokens.some((w) => words.has(w));
      };
      return negate(matchesText, condition.negated);
    }
  }
}

function negate(p: Predicate, negated: boolean): Predicate {
  return negated ? (r) => not(p(r)) : p;
}

function orderKey(item: CheckedOrderItem): (a: VisibilityRecord, b: VisibilityRecord) => number {
  const { attr } = item;
  const direction = item.descending ? -1 : 1;
  return (a, b) => {
    const va = scalarOf(attr, a);
    const vb = scalarOf(attr, b);
    if (va === undefined || vb === undefined) {
      // Records without the attribute sort last in either direction.
      return va === vb ? 0 : va === undefined ? 1 : -1;
    }
    return direction * compareScalars(va, vb);
  };
}

class Checker {
  seenNamespaceDivision = false;

  constructor(
    private readonly types: Record<string, SearchAttributeType>,
    private readonly now: Date,
  ) {}

  condition(expr: Expr): Condition {
    switch (expr.kind) {
      case 'and':
      case 'or':
        return { kind: expr.kind, left: this.condition(expr.left), right: this.condition(expr.right) };
      case 'not':
        return { kind: 'not', expr: this.condition(expr.expr) };
      case 'isNull':
        return { kind: 'isNull', attr: this.resolve(expr.column), negated: expr.negated };
      case 'compare':
        return this.comparison(expr.column, expr.op, expr.value);
      case 'in':
        return this.membership(expr.column, expr.negated, expr.values);
      case 'between':
        return this.range(expr.column, expr.negated, expr.from, expr.to);
      case 'startsWith':
        return this.prefix(expr.column, expr.negated, expr.value);
    }
  }

  orderItem(item: OrderItem): CheckedOrderItem {
    const attr = this.resolve(item.column);
    if (attr.type === 'Text' || attr.type === 'KeywordList') {
      throw new VisibilityQueryError(`operation is not supported: unable to sort by search attribute '${attr.name}' of type ${attr.type}`);
    }
    return { attr, descending: item.descending };
  }

  private comparison(column: ColumnRef, op: ComparisonOperator, literal: Literal): Condition {
    const attr = this.resolve(column);
    this.checkOperator(attr, op);
    if (attr.type === 'KeywordList') {
      return { kind: 'listContains', attr, negated: op !== '=', values: [this.literal(attr, literal) as string] };
    }
    if (attr.type === 'Text') {
      return { kind: 'textMatch', attr, negated: op !== '=', tokens: textTokens(this.literal(attr, literal) as string) };
    }
    return { kind: 'compare', attr, op, value: this.literal(attr, literal) };
  }

  private membership(column: ColumnRef, negated: boolean, literals: Literal[]): Condition {
    const attr = this.resolve(column);
    this.checkOperator(attr, negated ? 'NOT IN' : 'IN', 'IN');
    const values = literals.map((l) => this.literal(attr, l));
    if (attr.type === 'KeywordList') return { kind: 'listContains', attr, negated, values: values as string[] };
    return { kind: 'in', attr, negated, values };
  }

  private range(column: ColumnRef, negated: boolean, fromLiteral: Literal, toLiteral: Literal): Condition {
    const attr = this.resolve(column);
    if (!OPERATORS[attr.type].has('BETWEEN')) {
      throw new VisibilityQueryError(`invalid expression: cannot do range condition on search attribute '${attr.name}' of type ${attr.type}`);
    }
    return { kind: 'between', attr, negated, from: this.literal(attr, fromLiteral), to: this.literal(attr, toLiteral) };
  }

  private prefix(column: ColumnRef, negated: boolean, literal: Literal): Condition {
    const attr = this.resolve(column);
    this.checkOperator(attr, negated ? 'NOT STARTS_WITH' : 'STARTS_WITH', 'STARTS_WITH');
    if (literal.kind !== 'string') {
      throw new VisibilityQueryError(`invalid expression: right-hand side of STARTS_WITH must be a quoted string, at position ${literal.pos}`);
    }
    return { kind: 'startsWith', attr, negated, prefix: this.literal(attr, literal) as string };
  }

  private resolve(column: ColumnRef): ResolvedAttribute {
    const attr = resolveAttribute(column.name, this.types);
    if (!attr) {
      throw new VisibilityQueryError(
        `invalid search attribute: ${column.name} (not a system search attribute and not registered ` + `in this namespace; names are case sensitive)`,
      );
    }
    if (attr.name === NAMESPACE_DIVISION) this.seenNamespaceDivision = true;
    return attr;
  }

  private checkOperator(attr: ResolvedAttribute, shown: string, family: string = shown): void {
    if (!OPERATORS[attr.type].has(family)) {
      const allowed = [...OPERATORS[attr.type]].filter((o) => o !== 'BETWEEN').join(', ');
      throw new VisibilityQueryError(
        `invalid expression: operator '${shown}' not allowed for search attribute '${attr.name}' of type ` +
          `${attr.type} (allowed: ${allowed}, IS NULL${OPERATORS[attr.type].has('BETWEEN') ? ', BETWEEN' : ''})`,
      );
    }
  }

  /** Converts a literal to the attribute's comparable form, rejecting values of the wrong type. */
  private literal(attr: ResolvedAttribute, literal: Literal): Scalar {
    const mismatch = (expected: string): VisibilityQueryError =>
      new VisibilityQueryError(
        `invalid expression: invalid value type for search attribute ${attr.name} of type ${attr.type}: ` + `${show(literal)} (expected ${expected})`,
      );
    if (literal.kind === 'now' && attr.type !== 'Datetime') throw mismatch(expectedFor(attr));

    if (attr.special === 'ExecutionStatus') {
      const code = integerOf(literal);
      const raw = literal.kind === 'string' ? literal.value : code === undefined ? undefined : Number(code);
      const status = raw === undefined ? undefined : canonicalStatus(raw);
      if (status === undefined) {
        throw new VisibilityQueryError(
          `invalid expression: invalid ExecutionStatus value ${show(literal)} (expected one of 'Running', ` +
            `'Completed', 'Failed', 'Canceled', 'Terminated', 'ContinuedAsNew', 'TimedOut')`,
        );
      }
      return status;
    }
    if (attr.special === 'ExecutionDuration' && literal.kind === 'string') {
      const nanos = parseExecutionDurationNanos(literal.value);
      if (nanos === undefined) {
        throw new VisibilityQueryError(
          `invalid expression: invalid duration value for search attribute ExecutionDuration: '${literal.value}' ` +
            `(expected nanoseconds, a duration such as '1h30m' or a clock duration such as '01:30:00')`,
        );
      }
      return Number(nanos);
    }

    switch (attr.type) {
      case 'Keyword':
      case 'KeywordList':
        if (literal.kind !== 'string') throw mismatch('a quoted string');
        return literal.value;
      case 'Text':
        if (literal.kind !== 'string') throw mismatch('a quoted string');
        if (textTokens(literal.value).length === 0) {
          throw new VisibilityQueryError(`invalid expression: no tokens found filtering on Text type search attribute ${attr.name}`);
        }
        return literal.value;
      case 'Int':
      case 'Double':
        if (literal.kind !== 'number') throw mismatch('a number');
        return (literal.negative ? -1 : 1) * Number(literal.text);
      case 'Bool':
        if (literal.kind !== 'bool') throw mismatch('true or false');
        return literal.value;
      case 'Datetime':
        return this.datetime(attr, literal, mismatch);
    }
  }

  private datetime(attr: ResolvedAttribute, literal: Literal, mismatch: (expected: string) => VisibilityQueryError): bigint {
    if (literal.kind === 'string') {
      const nanos = parseRfc3339Nanos(literal.value);
      if (nanos === undefined) {
        throw new VisibilityQueryError(
          `invalid expression: unable to parse datetime '${literal.value}' for search attribute ${attr.name} ` +
            `(expected RFC 3339, e.g. '2024-01-31T09:30:00Z' or '2024-01-31T10:30:00.5+01:00')`,
        );
      }
      return nanos;
    }
    if (literal.kind === 'now') {
      const base = BigInt(this.now.getTime()) * NANOS_PER_MILLI;
      if (!literal.offset) return base;
      const shift = parseDurationNanos(literal.offset.duration);
      if (shift === undefined) {
        throw new VisibilityQueryError(`invalid expression: invalid NOW() duration '${literal.offset.duration}' (units: ns, us, ms, s, m, h, d, w)`);
      }
      return base + BigInt(literal.offset.sign) * shift;
    }
    const nanos = integerOf(literal);
    if (nanos === undefined) throw mismatch(expectedFor(attr));
    return BigInt(nanos);
  }
}

const COMPARATORS: Record<ComparisonOperator, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '!=': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

function expectedFor(attr: ResolvedAttribute): string {
  switch (attr.type) {
    case 'Datetime':
      return 'an RFC 3339 string, Unix nanoseconds or NOW()';
    case 'Int':
    case 'Double':
      return 'a number';
    case 'Bool':
      return 'true or false';
    default:
      return 'a quoted string';
  }
}

/** Exact integer value of a number literal (as bigint-safe string) or undefined if it is none. */
function integerOf(literal: Literal): string | undefined {
  if (literal.kind !== 'number' || !/^\d+$/.test(literal.text)) return undefined;
  return (literal.negative ? '-' : '') + literal.text;
}

function show(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return `'${literal.value}'`;
    case 'number':
      return (literal.negative ? '-' : '') + literal.text;
    case 'bool':
      return String(literal.value);
    case 'now':
      return 'NOW()';
  }
}

function readValue(attr: ResolvedAttribute, r: VisibilityRecord): unknown {
  return attr.type === 'KeywordList' ? listOf(attr, r) : scalarOf(attr, r);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The record's value of a scalar attribute in comparable form, or undefined if it has none. */
function scalarOf(attr: ResolvedAttribute, r: VisibilityRecord): Scalar | undefined {
  const raw = attr.read(r);
  switch (attr.type) {
    case 'Keyword':
      if (typeof raw !== 'string') return undefined;
      return attr.special === 'ExecutionStatus' ? (canonicalStatus(raw) ?? raw) : raw;
    case 'Text':
      return typeof raw === 'string' ? raw : undefined;
    case 'Int':
    case 'Double':
      if (typeof raw === 'bigint') return Number(raw);
      return typeof raw === 'number' && !Number.isNaN(raw) ? raw : undefined;
    case 'Bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'Datetime':
      return toNanos(raw);
    case 'KeywordList':
      return undefined;
  }
}

/** The record's KeywordList value; a lone string counts as a one-element list, an empty list as none. */
function listOf(attr: ResolvedAttribute, r: VisibilityRecord): string[] | undefined {
  const raw = attr.read(r);
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((v) => typeof v === 'string') : [];
  return list.length > 0 ? list : undefined;
}

function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

function not(a: Truth): Truth {
  return a === null ? null : !a;
}

/** Temporal's default order: open executions first, then CloseTime, StartTime descending, RunId. */
function defaultOrder(a: VisibilityRecord, b: VisibilityRecord): number {
  const ca = a.closeTime?.getTime();
  const cb = b.closeTime?.getTime();
  if (ca !== cb) {
    if (ca === undefined) return -1;
    if (cb === undefined) return 1;
    return cb - ca;
  }
  const byStart = b.startTime.getTime() - a.startTime.getTime();
  if (byStart !== 0) return byStart;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}
