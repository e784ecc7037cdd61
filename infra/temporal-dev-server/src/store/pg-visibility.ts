import { createHash } from 'node:crypto';
import type { RunState } from '../model/run-state';
import { decodeSearchAttribute } from '../model/search-attributes';
import { textTokens } from '../visibility/values';
import { VisibilityQueryError, type CheckedListQuery, type Condition, type ResolvedAttribute, type Scalar } from '../visibility';

/**
 * Translation of a checked list filter ({@link CheckedListQuery}) into SQL over `temporal.runs`,
 * for the PostgreSQL store. Values only ever travel as bind parameters.
 *
 * Each condition is compiled twice, into "is TRUE" and "is FALSE" forms, both two-valued, and
 * `NOT` swaps them (De Morgan for AND/OR). That keeps the in-memory evaluator's three-valued
 * logic (a condition on an absent attribute is neither true nor false, so `NOT` of it does not
 * match either) while every positive condition stays in a form an index can serve (e.g.
 * `search_attributes @> '{"Gemeente":"Zaanstad"}'` on the GIN index).
 */

/** Nanoseconds per millisecond; datetimes are stored in ms and compared in ns. */
const NS_PER_MS = 1_000_000n;

/** The visibility columns of a run as the store writes them with every commit. */
export interface VisibilityColumns {
  taskQueue: string;
  executionTime: number;
  historyLength: number;
  /** Decoded search attributes as JSON: Datetime values in epoch ms. */
  searchAttributes: Record<string, unknown>;
  /** Words of every string-valued search attribute (for Text `=`). */
  textTokens: Record<string, string[]>;
}

/** Visibility columns of a run (search attributes decoded by the type their payload carries). */
export function visibilityColumns(run: RunState): VisibilityColumns {
  const searchAttributes: Record<string, unknown> = {};
  const tokens: Record<string, string[]> = {};
  for (const [name, payload] of Object.entries(run.searchAttributes)) {
    const value = decodeSearchAttribute(payload, undefined);
    if (value === undefined || value === null) continue;
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) searchAttributes[name] = value.getTime();
      continue;
    }
    searchAttributes[name] = value;
    if (typeof value === 'string') tokens[name] = textTokens(value);
  }
  return {
    taskQueue: run.taskQueue,
    executionTime: Math.trunc(run.executionTime),
    historyLength: run.nextEventId - 1,
    searchAttributes,
    textTokens: tokens,
  };
}

type SqlType = 'text' | 'float8' | 'boolean' | 'numeric' | 'bigint';

/** A typed value of an attribute: `expr` is NULL exactly when `present` is false. */
interface ValueSql {
  expr: string;
  /**
   * `expr` for `=`, `!=` and `IN`: a text column without `COLLATE "C"` (equality is the same in
   * every deterministic collation), so the column's own indexes serve it.
   */
  equalityExpr?: string;
  type: SqlType;
  present: string;
  /** A custom attribute in `search_attributes` (name as bind parameter). */
  json?: string;
  /** A system column holding epoch ms (Datetime). */
  msColumn?: string;
}

const COLUMNS: Record<string, { column: string; type: SqlType }> = {
  WorkflowId: { column: 'workflow_id', type: 'text' },
  RunId: { column: 'run_id', type: 'text' },
  WorkflowType: { column: 'workflow_type', type: 'text' },
  TaskQueue: { column: 'task_queue', type: 'text' },
  ExecutionStatus: { column: 'status', type: 'text' },
  HistoryLength: { column: 'history_length', type: 'float8' },
};
const TIME_COLUMNS: Record<string, string> = { StartTime: 'start_time', ExecutionTime: 'execution_time', CloseTime: 'close_time' };
const NEGATED: Record<string, string> = { '=': '<>', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

/** Collects bind parameters; `$1` is the namespace. */
class Params {
  readonly values: unknown[];
  constructor(namespace: string) {
    this.values = [namespace];
  }
  /** Adds a bind parameter and returns its placeholder, cast to the SQL `type` if given. */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}

/** A compiled visibility query: the WHERE clause (after `namespace = $1`) and the sort keys. */
export interface VisibilitySql {
  where: string;
  /** Parameters of `where`, then those of the sort keys and anything added later. */
  params: Params;
  /** How many of `params` `where` alone uses (for a count). */
  whereParamCount: number;
  order: OrderKey[];
}

interface OrderKey {
  expr: string;
  type: SqlType;
  descending: boolean;
  nullsFirst: boolean;
}

/** Compiles a checked list filter for `namespace`. */
export function compileVisibilitySql(namespace: string, checked: CheckedListQuery): VisibilitySql {
  const params = new Params(namespace);
  const clauses = ['namespace = $1'];
  if (checked.hideDivisions) clauses.push(`NOT (search_attributes ? 'TemporalNamespaceDivision')`);
  if (checked.where) clauses.push(isTrue(checked.where, params));
  const whereParamCount = params.values.length;
  const order: OrderKey[] = checked.orderBy.map((item) => {
    const value = valueOf(item.attr, params);
    return { expr: value.expr, type: value.type, descending: item.descending, nullsFirst: false };
  });
  order.push(
    { expr: 'close_time', type: 'bigint', descending: true, nullsFirst: true },
    // start_time is never NULL; NULLS FIRST only matches runs_visibility_order's DESC column.
    { expr: 'start_time', type: 'bigint', descending: true, nullsFirst: true },
    { expr: 'run_id COLLATE "C"', type: 'text', descending: false, nullsFirst: false },
  );
  return { where: clauses.join(' AND '), params, whereParamCount, order };
}

/**
 * The query of one page of at most `pageSize` rows (it asks for one more, to know whether a next
 * page exists), selecting `state` and the sort keys as `k0`, `k1`, … (read back into the token).
 * After a cursor, the rows past it are the union of one range per sort key (equal on the keys
 * before it, beyond the cursor on it): each branch is a seek on an index in its order rather
 * than a filter over every row before the cursor.
 */
export function pageSql(compiled: VisibilitySql, cursor: unknown[] | undefined, pageSize: number): string {
  const { order, params } = compiled;
  const limit = params.add(pageSize + 1, 'bigint');
  const keys = order.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const select = (extra: string | undefined) =>
    `SELECT state, ${keys} FROM temporal.runs WHERE ${compiled.where}${extra ? ` AND ${extra}` : ''} ORDER BY ${orderBy(order, (k) => k.expr)} LIMIT ${limit}`;
  if (!cursor) return select(undefined);
  const branches = afterCursor(order, cursor, params);
  if (branches.length === 0) return select('false');
  if (branches.length === 1) return select(branches[0]);
  const union = branches.map((branch) => `(${select(branch)})`).join(' UNION ALL ');
  return `SELECT * FROM (${union}) AS page ORDER BY ${orderBy(order, (_, i) => `k${i}`)} LIMIT ${limit}`;
}

function orderBy(order: OrderKey[], name: (key: OrderKey, index: number) => string): string {
  return order.map((k, i) => `${name(k, i)} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ');
}

/** Mutually exclusive conditions whose union is every row after the cursor's row. */
function afterCursor(order: OrderKey[], cursor: unknown[], params: Params): string[] {
  const equals: string[] = [];
  const branches: string[] = [];
  order.forEach((key, i) => {
    const value = cursor[i];
    let after: string | undefined;
    let equal: string;
    if (value === null || value === undefined) {
      equal = `${key.expr} IS NULL`;
      after = key.nullsFirst ? `${key.expr} IS NOT NULL` : undefined;
    } else {
      const p = params.add(value, key.type);
      equal = `${key.expr} = ${p}`;
      const beyond = `${key.expr} ${key.descending ? '<' : '>'} ${p}`;
      after = key.nullsFirst ? beyond : `(${beyond} OR ${key.expr} IS NULL)`;
    }
    if (after) branches.push([...equals, after].join(' AND '));
    equals.push(equal);
  });
  return branches;
}

/** A page token: the sort keys of the page's last row, bound to the query that produced it. */
export function encodePageToken(query: string, keys: unknown[]): Buffer {
  return Buffer.from(JSON.stringify({ q: queryHash(query), k: keys }), 'utf8');
}

/** The sort keys in a page token; rejects a token of another query. */
export function decodePageToken(query: string, token: Uint8Array, keyCount: number): unknown[] {
  let parsed: { q?: unknown; k?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token).toString('utf8')) as { q?: unknown; k?: unknown };
  } catch {
    throw new VisibilityQueryError('invalid next_page_token');
  }
  if (parsed.q !== queryHash(query) || !Array.isArray(parsed.k) || parsed.k.length !== keyCount) {
    throw new VisibilityQueryError('next_page_token does not belong to this query');
  }
  return parsed.k;
}

function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 16);
}

function valueOf(attr: ResolvedAttribute, params: Params): ValueSql {
  const column = COLUMNS[attr.name];
  if (column) {
    const expr = column.type === 'text' ? `${column.column} COLLATE "C"` : column.column;
    return { expr, equalityExpr: column.column, type: column.type, present: 'true' };
  }
  const time = TIME_COLUMNS[attr.name];
  if (time) {
    return { expr: `(${time}::numeric * 1000000)`, type: 'numeric', present: `${time} IS NOT NULL`, msColumn: time };
  }
  if (attr.name === 'ExecutionDuration') {
    return {
      expr: `(CASE WHEN close_time IS NOT NULL THEN ((close_time - execution_time) * 1000000)::float8 END)`,
      type: 'float8',
      present: 'close_time IS NOT NULL',
    };
  }
  const name = params.add(attr.name, 'text');
  const json = `search_attributes -> ${name}`;
  const typed = (jsonType: string, expr: string, type: SqlType): ValueSql => {
    const present = `(jsonb_typeof(${json}) = '${jsonType}') IS TRUE`;
    return { expr: `(CASE WHEN ${present} THEN ${expr} END)`, type, present, json: name };
  };
  switch (attr.type) {
    case 'Keyword':
    case 'Text':
      return typed('string', `(search_attributes ->> ${name}) COLLATE "C"`, 'text');
    case 'Int':
    case 'Double':
      return typed('number', `(search_attributes ->> ${name})::float8`, 'float8');
    case 'Bool':
      return typed('boolean', `(search_attributes ->> ${name})::boolean`, 'boolean');
    case 'Datetime':
      return typed('number', `((search_attributes ->> ${name})::numeric * 1000000)`, 'numeric');
    case 'KeywordList':
      return {
        expr: 'NULL',
        type: 'text',
        present: `jsonb_path_exists(${json}, 'lax $[*] ? (@.type() == "string")') IS TRUE`,
        json: name,
      };
  }
}

/** A literal as the bind value of an attribute's SQL type. */
function bindValue(value: Scalar): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** SQL that is TRUE exactly when the in-memory evaluator finds `c` true (never NULL-sensitive). */
function isTrue(c: Condition, params: Params): string {
  return compile(c, params, true);
}

function compile(c: Condition, params: Params, positive: boolean): string {
  switch (c.kind) {
    case 'and':
    case 'or': {
      const joiner = (c.kind === 'and') === positive ? 'AND' : 'OR';
      return `(${compile(c.left, params, positive)} ${joiner} ${compile(c.right, params, positive)})`;
    }
    case 'not':
      return compile(c.expr, params, !positive);
    case 'isNull': {
      const { present } = valueOf(c.attr, params);
      return c.negated === positive ? `(${present})` : `NOT (${present})`;
    }
    case 'compare':
      return comparison(c.attr, c.op, c.value, params, positive);
    case 'in': {
      const value = valueOf(c.attr, params);
      const list = params.add(c.values.map(bindValue), `${value.type}[]`);
      const expr = value.equalityExpr ?? value.expr;
      return c.negated === positive ? `(${expr} <> ALL(${list}))` : `(${expr} = ANY(${list}))`;
    }
    case 'between': {
      const value = valueOf(c.attr, params);
      const from = params.add(bindValue(c.from), value.type);
      const to = params.add(bindValue(c.to), value.type);
      return c.negated === positive ? `(${value.expr} < ${from} OR ${value.expr} > ${to})` : `(${value.expr} BETWEEN ${from} AND ${to})`;
    }
    case 'startsWith': {
      const value = valueOf(c.attr, params);
      const test = `starts_with(${value.expr}, ${params.add(c.prefix, 'text')})`;
      return c.negated === positive ? `(NOT ${test})` : `(${test})`;
    }
    case 'listContains': {
      const contains = c.values
        .flatMap((v) => [
          `search_attributes @> ${params.add(JSON.stringify({ [c.attr.name]: [v] }), 'jsonb')}`,
          `search_attributes @> ${params.add(JSON.stringify({ [c.attr.name]: v }), 'jsonb')}`,
        ])
        .join(' OR ');
      return c.negated === positive ? `((${valueOf(c.attr, params).present}) AND NOT (${contains}))` : `(${contains})`;
    }
    case 'textMatch': {
      const value = valueOf(c.attr, params);
      const match = `((text_tokens -> ${value.json}) ?| ${params.add(c.tokens, 'text[]')}) IS TRUE`;
      return c.negated === positive ? `((${value.present}) AND NOT ${match})` : `(${match})`;
    }
  }
}

function comparison(attr: ResolvedAttribute, op: string, literal: Scalar, params: Params, positive: boolean): string {
  const effective = positive ? op : (NEGATED[op] as string);
  if (attr.type === 'Keyword' && !COLUMNS[attr.name] && effective === '=' && typeof literal === 'string') {
    return `(search_attributes @> ${params.add(JSON.stringify({ [attr.name]: literal }), 'jsonb')})`;
  }
  const value = valueOf(attr, params);
  if (value.msColumn && typeof literal === 'bigint' && ['<', '<=', '>', '>='].includes(effective)) {
    // A range on a time column compares its epoch ms with a bound in ms, so its index can serve.
    const floor = literal >= 0n ? literal / NS_PER_MS : -((-literal + NS_PER_MS - 1n) / NS_PER_MS);
    const ceil = literal % NS_PER_MS === 0n ? floor : floor + 1n;
    const bound = effective === '<' || effective === '>=' ? ceil : floor;
    return `(${value.msColumn} ${effective} ${params.add(bound.toString(), 'bigint')})`;
  }
  const expr = effective === '=' || effective === '!=' || effective === '<>' ? (value.equalityExpr ?? value.expr) : value.expr;
  return `(${expr} ${effective} ${params.add(bindValue(literal), value.type)})`;
}
