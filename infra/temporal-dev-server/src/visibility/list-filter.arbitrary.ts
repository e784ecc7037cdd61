import fc from 'fast-check';

/** Test data: list filters built from `atom` conditions with parenthesised AND, OR and NOT. */
export function listFilter(atom: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) AND (${b})`),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) OR (${b})`),
      tie('expr').map((a) => `NOT (${a})`),
    ),
  })).expr;
}
