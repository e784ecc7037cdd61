import { tokenize } from './lexer';
import { parseListQuery } from './parser';
import { VisibilityQueryError } from './visibility-query.error';

describe('tokenize', () => {
  it('unescapes doubled quotes and backslash escapes in both quote styles', () => {
    const strings = tokenize(`'it''s' "say ""hi""" 'a\\'b' "tab\\there" 'back\\\\slash'`)
      .filter((t) => t.kind === 'string')
      .map((t) => t.text);
    expect(strings).toEqual([`it's`, `say "hi"`, `a'b`, 'tab\there', 'back\\slash']);
  });

  it('reads backticked names, including ones with dashes and doubled backticks', () => {
    const names = tokenize('`Custom-Field` = 1 AND `we``ird` = 2')
      .filter((t) => t.kind === 'name')
      .map((t) => t.text);
    expect(names).toEqual(['Custom-Field', 'we`ird']);
  });

  it('normalises <> to != and keeps token positions', () => {
    const tokens = tokenize('A <> 1');
    expect(tokens.map((t) => [t.kind, t.text, t.pos])).toEqual([
      ['word', 'A', 0],
      ['op', '!=', 2],
      ['number', '1', 5],
      ['eof', '', 6],
    ]);
  });

  it('reads numbers with fractions and exponents, and durations glued to letters', () => {
    expect(tokenize('1.5 .25 2e3 1h30m').map((t) => `${t.kind}:${t.text}`)).toEqual(['number:1.5', 'number:.25', 'number:2e3', 'numword:1h30m', 'eof:']);
  });

  it.each([
    [`WorkflowId = 'open`, 'unterminated string starting at position 13'],
    ['`Open = 1', 'unterminated quoted name starting at position 0'],
    ['A = 1 ; B = 2', `unexpected character ';' at position 6`],
    ['A = 1 && B = 2', `unexpected character '&' at position 6`],
  ])('rejects %s', (query, message) => {
    expect(() => tokenize(query)).toThrow(new VisibilityQueryError(`malformed query: ${message}`));
  });
});

describe('parseListQuery', () => {
  it('gives AND precedence over OR and NOT over AND', () => {
    const { where } = parseListQuery(`A = 'a' OR NOT B = 'b' AND C = 'c'`);
    expect(where).toMatchObject({
      kind: 'or',
      left: { kind: 'compare', column: { name: 'A' } },
      right: {
        kind: 'and',
        left: { kind: 'not', expr: { kind: 'compare', column: { name: 'B' } } },
        right: { kind: 'compare', column: { name: 'C' } },
      },
    });
  });

  it('lets parentheses override precedence', () => {
    const { where } = parseListQuery(`(A = 'a' OR B = 'b') AND C = 'c'`);
    expect(where).toMatchObject({ kind: 'and', left: { kind: 'or' }, right: { kind: 'compare' } });
  });

  it('reads keywords in any case', () => {
    const query = `a in ('x') and b not between 1 and 2 or c starts_with 'p' and d is not null order by a desc, b`;
    const { where, orderBy } = parseListQuery(query);
    expect(where).toMatchObject({
      kind: 'or',
      left: { kind: 'and', left: { kind: 'in', negated: false }, right: { kind: 'between', negated: true } },
      right: { kind: 'and', left: { kind: 'startsWith', negated: false }, right: { kind: 'isNull', negated: true } },
    });
    expect(orderBy).toEqual([
      { column: { name: 'a', pos: query.indexOf('a desc') }, descending: true },
      { column: { name: 'b', pos: query.length - 1 }, descending: false },
    ]);
  });

  it('accepts a query that is only ORDER BY, and an empty query', () => {
    expect(parseListQuery('  ORDER BY StartTime ASC ')).toEqual({
      where: undefined,
      orderBy: [{ column: { name: 'StartTime', pos: 11 }, descending: false }],
    });
    expect(parseListQuery('   ')).toEqual({ where: undefined, orderBy: [] });
  });

  it('reads signed numbers, booleans and NOW() with an offset', () => {
    const query = 'A = -5 AND B = +2.5 AND C = TRUE AND D > now() - 1h30m AND E < NOW()';
    const { where } = parseListQuery(query);
    const values: unknown[] = [];
    const walk = (e: unknown): void => {
      const node = e as { kind: string; left?: unknown; right?: unknown; value?: unknown };
      if (node.kind === 'and') {
        walk(node.left);
        walk(node.right);
      } else values.push(node.value);
    };
    walk(where);
    expect(values).toEqual([
      { kind: 'number', text: '5', negative: true, pos: query.indexOf('-5') },
      { kind: 'number', text: '2.5', negative: false, pos: query.indexOf('+2.5') },
      { kind: 'bool', value: true, pos: query.indexOf('TRUE') },
      { kind: 'now', offset: { sign: -1, duration: '1h30m' }, pos: query.indexOf('now()') },
      { kind: 'now', pos: query.indexOf('NOW()') },
    ]);
  });

  it.each([
    [`WorkflowId = 'a' AND`, 'malformed query: expected a search attribute name in the left side of a condition, got the end of the query at position 20'],
    [`WorkflowId = 'a' WorkflowType = 'b'`, "malformed query: expected AND, OR, ORDER BY or the end of the query, got 'WorkflowType' at position 17"],
    [`(WorkflowId = 'a'`, "malformed query: expected ')', got the end of the query at position 17"],
    [`WorkflowId`, "invalid expression: incomplete condition on 'WorkflowId'"],
    [`WorkflowId 'a'`, "malformed query: expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, STARTS_WITH, IS NULL), got string 'a' at position 11"],
    [`'a' = WorkflowId`, "invalid expression: the left side of a condition must be a search attribute name, got string 'a' at position 0"],
    [`WorkflowId = Foo`, "operation is not supported: search attribute name 'Foo' on the right side of a condition (did you forget to quote 'Foo'?)"],
    [`WorkflowId = lower('A')`, "operation is not supported: function 'lower()'"],
    [`WorkflowId LIKE 'a%'`, "operation is not supported: 'LIKE' (use STARTS_WITH for a prefix, or = on a Text attribute)"],
    [`WorkflowId IS 'a'`, "invalid expression: 'IS' can only be used as 'IS NULL' or 'IS NOT NULL'"],
    [`WorkflowId IN 'a'`, "malformed query: expected '(' after IN, got string 'a' at position 14"],
    [`WorkflowId IN ()`, "malformed query: expected a value (a quoted string, a number, true, false or NOW()), got ')' at position 15"],
    [`HistoryLength BETWEEN 1 OR 2`, "malformed query: expected AND, got 'OR' at position 24"],
    [`HistoryLength = - 'a'`, "invalid expression: unary '-' must be followed by a number, got string 'a' at position 18"],
    [`StartTime > NOW() - 'x'`, 'invalid expression: NOW() - must be followed by a duration such as 1h or 30m, at position 18'],
    [`WorkflowId = 'a' LIMIT 10`, "operation is not supported: 'LIMIT' clause"],
    [`GROUP BY ExecutionStatus`, "operation is not supported: 'GROUP BY' clause"],
    [`ORDER StartTime`, "malformed query: expected BY, got 'StartTime' at position 6"],
    [`ORDER BY`, 'malformed query: expected a search attribute name in ORDER BY, got the end of the query at position 8'],
  ])('rejects %s', (query, message) => {
    expect(() => parseListQuery(query)).toThrow(new VisibilityQueryError(message));
  });
});
