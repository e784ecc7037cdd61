import { VisibilityQueryError } from './visibility-query.error';

export type TokenKind =
  | 'word' // unquoted identifier or keyword
  | 'name' // backticked identifier
  | 'string' // '...' or "..."
  | 'number' // 12, 1.5, 2e3, .5
  | 'numword' // a number glued to letters, e.g. the `1h30m` of `NOW() - 1h30m`
  | 'op' // = != <> < <= > >= + -
  | '('
  | ')'
  | ','
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Decoded text: the identifier, the unescaped string, the operator or the number's digits. */
  text: string;
  /** Offset of the token's first character in the query. */
  pos: number;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isWordStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isWordPart = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const isUnitPart = (c: string): boolean => /[A-Za-z0-9µμ]/.test(c);

const BACKSLASH_ESCAPES: Record<string, string> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
};

/**
 * Splits a list filter into tokens. Strings take SQL's doubled quote (`'it''s'`) and MySQL's
 * backslash escapes (`'it\'s'`), the dialect Temporal's SQL parser reads.
 */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      const [text, end] = readQuoted(query, i, c, true);
      tokens.push({ kind: 'string', text, pos: start });
      i = end;
    } else if (c === '`') {
      const [text, end] = readQuoted(query, i, '`', false);
      if (text === '') throw new VisibilityQueryError(`malformed query: empty quoted name at position ${start}`);
      tokens.push({ kind: 'name', text, pos: start });
      i = end;
    } else if (isDigit(c) || (c === '.' && isDigit(query[i + 1] ?? ''))) {
      i = readNumber(query, i);
      if (i < query.length && isWordStart(query[i])) {
        while (i < query.length && isUnitPart(query[i])) i++;
        tokens.push({ kind: 'numword', text: query.slice(start, i), pos: start });
      } else {
        tokens.push({ kind: 'number', text: query.slice(start, i), pos: start });
      }
    } else if (isWordStart(c)) {
      while (i < query.length && isWordPart(query[i])) i++;
      tokens.push({ kind: 'word', text: query.slice(start, i), pos: start });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, pos: start });
      i++;
    } else {
      const two = query.slice(i, i + 2);
      if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
        tokens.push({ kind: 'op', text: two === '<>' ? '!=' : two, pos: start });
        i += 2;
      } else if (c === '=' || c === '<' || c === '>' || c === '+' || c === '-') {
        tokens.push({ kind: 'op', text: c, pos: start });
        i++;
      } else {
        throw new VisibilityQueryError(`malformed query: unexpected character '${c}' at position ${start}`);
      }
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: query.length });
  return tokens;
}

function readQuoted(query: string, open: number, quote: string, backslashEscapes: boolean): [string, number] {
  let out = '';
  let i = open + 1;
  while (i < query.length) {
    const c = query[i];
    if (c === quote) {
      if (query[i + 1] === quote) {
        out += quote;
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    if (c === '\\' && backslashEscapes && i + 1 < query.length) {
      const next = query[i + 1];
      out += BACKSLASH_ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  const what = quote === '`' ? 'quoted name' : 'string';
  throw new VisibilityQueryError(`malformed query: unterminated ${what} starting at position ${open}`);
}

function readNumber(query: string, start: number): number {
  let i = start;
  while (i < query.length && isDigit(query[i])) i++;
  if (query[i] === '.') {
    i++;
    while (i < query.length && isDigit(query[i])) i++;
  }
  if ((query[i] === 'e' || query[i] === 'E') && /^[eE][+-]?\d/.test(query.slice(i, i + 3))) {
    i++;
    if (query[i] === '+' || query[i] === '-') i++;
    while (i < query.length && isDigit(query[i])) i++;
  }
  return i;
}
