/**
 * Raised for any query Temporal would reject with `INVALID_ARGUMENT`: syntax errors, unknown
 * search attributes, operators a type does not support and values of the wrong type.
 * The message starts with `invalid query: ` like Temporal's own.
 */
export class VisibilityQueryError extends Error {
  constructor(detail: string) {
    super(`invalid query: ${detail}`);
    this.name = 'VisibilityQueryError';
  }
}
