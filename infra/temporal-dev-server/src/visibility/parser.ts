import { type Token, tokenize } from './lexer';
import { VisibilityQueryError } from './visibility-query.error';

export interface ColumnRef {
  name: string;
  pos: number;
}

export type Literal =
  | { kind: 'string'; value: string; pos: number }
  /** `text` keeps the digits so that int64 values (Unix nanoseconds) stay exact. */
  | { kind: 'number'; text: string; negative: boolean; pos: number }
  | { kind: 'bool'; value: boolean; pos: number }
  /** `NOW()`, optionally shifted by a duration such as `1h30m` (sign in `offset`). */
  | { kind: 'now'; offset?: { sign: 1 | -1; duration: string }; pos: number };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { kind: 'and'; left: Expr; right: Expr }
  | { kind: 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'compare'; column: ColumnRef; op: ComparisonOperator; value: Literal }
  | { kind: 'in'; column: ColumnRef; negated: boolean; values: Literal[] }
  | { kind: 'between'; column: ColumnRef; negated: boolean; from: Literal; to: Literal }
  | { kind: 'startsWith'; column: ColumnRef; negated: boolean; value: Literal }
  | { kind: 'isNull'; column: ColumnRef; negated: boolean };

export interface OrderItem {
  column: ColumnRef;
  descending: boolean;
}

export interface ParsedQuery {
  where?: Expr;
  orderBy: OrderItem[];
}

const RESERVED = new Set([
  'and',
  'or',
  'not',
  'in',
  'between',
  'is',
  'null',
  'true',
  'false',
  'order',
  'by',
  'asc',
  'desc',
  'starts_with',
  'like',
  'group',
  'limit',
]);

/** Parses a list filter (`where` clause plus optional `ORDER BY`) into an untyped syntax tree. */
export function parseListQuery(query: string): ParsedQuery {
  return new Parser(tokenize(query)).parseQuery();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): ParsedQuery {
    let where: Expr | undefined;
    if (!this.atKeyword('order') && !this.atKeyword('group') && this.peek().kind !== 'eof') {
      where = this.parseOr();
    }
    const orderBy: OrderItem[] = [];
    if (this.atKeyword('group')) {
      throw new VisibilityQueryError("operation is not supported: 'GROUP BY' clause");
    }
    if (this.acceptKeyword('order')) {
      this.expectKeyword('by');
      do {
        const column = this.parseColumn('ORDER BY');
        let descending = false;
        if (this.acceptKeyword('desc')) descending = true;
        else this.acceptKeyword('asc');
        orderBy.push({ column, descending });
      } while (this.accept(','));
    }
    if (this.atKeyword('limit')) {
      throw new VisibilityQueryError("operation is not supported: 'LIMIT' clause");
    }
    const rest = this.peek();
    if (rest.kind !== 'eof') throw this.syntaxError(rest, 'expected AND, OR, ORDER BY or the end of the query');
    return { where, orderBy };
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.acceptKeyword('or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.acceptKeyword('and')) left = { kind: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): Expr {
    if (this.acceptKeyword('not')) return { kind: 'not', expr: this.parseNot() };
    if (this.accept('(')) {
      const inner = this.parseOr();
      this.expect(')', "')'");
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Expr {
    const column = this.parseColumn('the left side of a condition');
    const t = this.peek();
    if (t.kind === 'op' && t.text !== '+' && t.text !== '-') {
      this.index++;
      return { kind: 'compare', column, op: t.text as ComparisonOperator, value: this.parseValue() };
    }
    if (this.acceptKeyword('is')) {
      const negated = this.acceptKeyword('not');
      if (!this.acceptKeyword('null')) {
        throw new VisibilityQueryError("invalid expression: 'IS' can only be used as 'IS NULL' or 'IS NOT NULL'");
      }
      return { kind: 'isNull', column, negated };
    }
    const negated = this.acceptKeyword('not');
    if (this.acceptKeyword('in')) {
      this.expect('(', "'(' after IN");
      const values = [this.parseValue()];
      while (this.accept(',')) values.push(this.parseValue());
      this.expect(')', "')' closing the IN list");
      return { kind: 'in', column, negated, values };
    }
    if (this.acceptKeyword('between')) {
      const from = this.parseValue();
      this.expectKeyword('and');
      return { kind: 'between', column, negated, from, to: this.parseValue() };
    }
    if (this.acceptKeyword('starts_with')) {
      return { kind: 'startsWith', column, negated, value: this.parseValue() };
    }
    const bad = this.peek();
    if (bad.kind === 'word' && bad.text.toLowerCase() === 'like') {
      throw new VisibilityQueryError("operation is not supported: 'LIKE' (use STARTS_WITH for a prefix, or = on a Text attribute)");
    }
    if (bad.kind === 'eof' || bad.kind === ')' || this.atKeyword('and') || this.atKeyword('or')) {
      throw new VisibilityQueryError(`invalid expression: incomplete condition on '${column.name}'`);
    }
    throw this.syntaxError(bad, 'expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, STARTS_WITH, IS NULL)');
  }

  private parseColumn(where: string): ColumnRef {
    const t = this.peek();
    if (t.kind === 'name' || (t.kind === 'word' && !RESERVED.has(t.text.toLowerCase()))) {
      this.index++;
      return { name: t.text, pos: t.pos };
    }
    if (t.kind === 'string' || t.kind === 'number' || this.atKeyword('true') || this.atKeyword('false')) {
      throw new VisibilityQueryError(`invalid expression: ${where} must be a search attribute name, got ${describe(t)} at position ${t.pos}`);
    }
    throw this.syntaxError(t, `expected a search attribute name in ${where}`);
  }

  private parseValue(): Literal {
    const t = this.peek();
    if (t.kind === 'string') {
      this.index++;
      return { kind: 'string', value: t.text, pos: t.pos };
    }
    if (t.kind === 'number') {
      this.index++;
      return { kind: 'number', text: t.text, negative: false, pos: t.pos };
    }
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.index++;
      const n = this.peek();
      if (n.kind !== 'number') {
        throw new VisibilityQueryError(`invalid expression: unary '${t.text}' must be followed by a number, got ${describe(n)} at position ${n.pos}`);
      }
      this.index++;
      return { kind: 'number', text: n.text, negative: t.text === '-', pos: t.pos };
    }
    if (this.atKeyword('true') || this.atKeyword('false')) {
      this.index++;
      return { kind: 'bool', value: t.text.toLowerCase() === 'true', pos: t.pos };
    }
    if (t.kind === 'word' && t.text.toLowerCase() === 'now' && this.tokens[this.index + 1]?.kind === '(') {
      return this.parseNow();
    }
    if (t.kind === 'word' || t.kind === 'name') {
      if (this.tokens[this.index + 1]?.kind === '(') {
        throw new VisibilityQueryError(`operation is not supported: function '${t.text}()'`);
      }
      throw new VisibilityQueryError(
        `operation is not supported: search attribute name '${t.text}' on the right side of a condition ` + `(did you forget to quote '${t.text}'?)`,
      );
    }
    throw this.syntaxError(t, 'expected a value (a quoted string, a number, true, false or NOW())');
  }

  private parseNow(): Literal {
    const pos = this.peek().pos;
    this.index++;
    this.expect('(', "'('");
    this.expect(')', "')' after NOW(");
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '+' || t.text === '-')) {
      const d = this.tokens[this.index + 1];
      if (d?.kind !== 'numword') {
        throw new VisibilityQueryError(`invalid expression: NOW() ${t.text} must be followed by a duration such as 1h or 30m, at position ${t.pos}`);
      }
      this.index += 2;
      return { kind: 'now', offset: { sign: t.text === '+' ? 1 : -1, duration: d.text }, pos };
    }
    return { kind: 'now', pos };
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private accept(kind: Token['kind']): boolean {
    if (this.peek().kind !== kind) return false;
    this.index++;
    return true;
  }

  private expect(kind: Token['kind'], what: string): void {
    if (!this.accept(kind)) throw this.syntaxError(this.peek(), `expected ${what}`);
  }

  private atKeyword(keyword: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toLowerCase() === keyword;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.atKeyword(keyword)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) throw this.syntaxError(this.peek(), `expected ${keyword.toUpperCase()}`);
  }

  private syntaxError(t: Token, expected: string): VisibilityQueryError {
    return new VisibilityQueryError(`malformed query: ${expected}, got ${describe(t)} at position ${t.pos}`);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the query';
    case 'string':
      return `string '${t.text}'`;
    case 'name':
      return `\`${t.text}\``;
    default:
      return `'${t.text}'`;
  }
}
