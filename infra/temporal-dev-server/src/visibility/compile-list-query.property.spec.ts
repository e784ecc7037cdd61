import fc from 'fast-check';
import { compileListQuery, type SearchAttributeType, VisibilityQueryError, type VisibilityRecord } from './index';
import { listFilter } from './list-filter.arbitrary';

const TYPES: Record<string, SearchAttributeType> = { Fase: 'Int', Gemeente: 'Keyword', Labels: 'KeywordList' };
const GEMEENTEN = ['Zaanstad', 'Zaandam', 'Purmerend', 'Edam'];
const LABELS = ['nazorg', 'urgent', 'pilot'];

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Records on which every attribute used below is present, so two-valued logic applies. */
const completeRecord = fc
  .record({
    workflowId: fc.string({ maxLength: 6 }),
    historyLength: fc.integer({ min: 0, max: 20 }),
    startMs: fc.integer({ min: 0, max: 1_000 }),
    closeMs: fc.option(fc.integer({ min: 1_000, max: 2_000 }), { nil: undefined }),
    fase: fc.integer({ min: -3, max: 3 }),
    gemeente: fc.constantFrom(...GEMEENTEN),
    labels: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1 }),
  })
  .map((f): VisibilityRecord => ({
    namespace: 'default',
    workflowId: f.workflowId,
    runId: `run-${f.workflowId}-${f.startMs}`,
    workflowType: 'TrajectWorkflow',
    taskQueue: 'traject',
    status: f.closeMs === undefined ? 'Running' : 'Completed',
    startTime: new Date(f.startMs),
    executionTime: new Date(f.startMs),
    closeTime: f.closeMs === undefined ? undefined : new Date(f.closeMs),
    historyLength: f.historyLength,
    searchAttributes: { Fase: f.fase, Gemeente: f.gemeente, Labels: f.labels },
  }));

/** Records that may lack any custom attribute. */
const sparseRecord = fc.tuple(completeRecord, fc.boolean(), fc.boolean(), fc.boolean()).map(([r, noFase, noGemeente, noLabels]) => {
  const sa: Record<string, unknown> = { ...r.searchAttributes };
  if (noFase) delete sa['Fase'];
  if (noGemeente) delete sa['Gemeente'];
  if (noLabels) delete sa['Labels'];
  return { ...r, searchAttributes: sa };
});

const comparison = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const atom: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(comparison, fc.integer({ min: -3, max: 3 })).map(([op, v]) => `Fase ${op} ${v}`),
  fc.tuple(comparison, fc.integer({ min: 0, max: 20 })).map(([op, v]) => `HistoryLength ${op} ${v}`),
  fc.tuple(comparison, fc.constantFrom(...GEMEENTEN)).map(([op, v]) => `Gemeente ${op} ${quote(v)}`),
  fc.constantFrom(...GEMEENTEN.map((g) => g.slice(0, 4))).map((p) => `Gemeente STARTS_WITH ${quote(p)}`),
  fc.tuple(fc.constantFrom('=', '!='), fc.constantFrom(...LABELS)).map(([op, v]) => `Labels ${op} ${quote(v)}`),
  fc.uniqueArray(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 3 }).map((vs) => `Fase IN (${vs.join(', ')})`),
  fc.constantFrom('CloseTime IS NULL', 'CloseTime IS NOT NULL', `ExecutionStatus = 'Running'`),
);

const expr = listFilter(atom);

const matches = (query: string, r: VisibilityRecord): boolean => compileListQuery(query, TYPES).matches(r);

describe('compileListQuery properties', () => {
  it('NOT is the complement when every attribute is present', () => {
    fc.assert(
      fc.property(expr, completeRecord, (q, r) => {
        expect(matches(`NOT (${q})`, r)).toBe(!matches(q, r));
      }),
    );
  });

  it('NOT never matches where its operand is unknown: q and NOT q are never both true', () => {
    fc.assert(
      fc.property(expr, sparseRecord, (q, r) => {
        expect(matches(q, r) && matches(`NOT (${q})`, r)).toBe(false);
      }),
    );
  });

  it('AND and OR combine matches as conjunction and disjunction, even with missing attributes', () => {
    fc.assert(
      fc.property(expr, expr, sparseRecord, (a, b, r) => {
        expect(matches(`(${a}) AND (${b})`, r)).toBe(matches(a, r) && matches(b, r));
        expect(matches(`(${a}) OR (${b})`, r)).toBe(matches(a, r) || matches(b, r));
      }),
    );
  });

  it('BETWEEN equals >= AND <=, and IN equals a disjunction of =', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -4, max: 4 }),
        fc.uniqueArray(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 4 }),
        sparseRecord,
        (lo, hi, values, r) => {
          expect(matches(`Fase BETWEEN ${lo} AND ${hi}`, r)).toBe(matches(`Fase >= ${lo} AND Fase <= ${hi}`, r));
          expect(matches(`Fase IN (${values.join(', ')})`, r)).toBe(matches(values.map((v) => `Fase = ${v}`).join(' OR '), r));
          expect(matches(`Fase NOT IN (${values.join(', ')})`, r)).toBe(matches(values.map((v) => `Fase != ${v}`).join(' AND '), r));
        },
      ),
    );
  });

  it('any string survives quoting in either quote style and matches only itself', () => {
    fc.assert(
      fc.property(completeRecord, fc.string(), (r, other) => {
        const single = `WorkflowId = '${r.workflowId.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
        const double = `WorkflowId = "${r.workflowId.replace(/\\/g, '\\\\').replace(/"/g, '""')}"`;
        expect(matches(single, r)).toBe(true);
        expect(matches(double, r)).toBe(true);
        const otherQuery = `WorkflowId = '${other.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
        expect(matches(otherQuery, r)).toBe(other === r.workflowId);
      }),
    );
  });

  it('compare is a consistent total order that sorts by the ORDER BY keys', () => {
    const orderBy = fc.constantFrom(
      '',
      'ORDER BY Fase',
      'ORDER BY Fase DESC, HistoryLength',
      'ORDER BY Gemeente DESC',
      'ORDER BY CloseTime',
      'ORDER BY StartTime ASC, WorkflowId DESC',
    );
    fc.assert(
      fc.property(orderBy, fc.array(sparseRecord, { maxLength: 12 }), (query, records) => {
        const { compare } = compileListQuery(query, TYPES);
        for (const a of records) {
          expect(compare(a, a)).toBe(0);
          for (const b of records) {
            expect(Math.sign(compare(a, b)) + 0).toBe(-Math.sign(compare(b, a)) + 0);
            for (const c of records) {
              if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
            }
          }
        }
        const sorted = [...records].sort(compare);
        if (query === 'ORDER BY Fase') {
          const fases = sorted.map((r) => r.searchAttributes['Fase']).filter((f) => f !== undefined) as number[];
          expect(fases).toEqual([...fases].sort((x, y) => x - y));
          const firstMissing = sorted.findIndex((r) => r.searchAttributes['Fase'] === undefined);
          if (firstMissing >= 0) {
            expect(sorted.slice(firstMissing).every((r) => r.searchAttributes['Fase'] === undefined)).toBe(true);
          }
        }
      }),
    );
  });

  it('rejects any malformed input only with VisibilityQueryError', () => {
    const pieces = fc.constantFrom(
      'WorkflowId',
      'Fase',
      'Onbekend',
      '=',
      '!=',
      '<',
      '>=',
      'AND',
      'OR',
      'NOT',
      'IN',
      'BETWEEN',
      'STARTS_WITH',
      'IS',
      'NULL',
      '(',
      ')',
      ',',
      "'x'",
      '"y"',
      '12',
      '-',
      'true',
      'ORDER BY',
      'DESC',
      'NOW()',
      '`',
      "'",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 8 }).map((p) => p.join(' ')),
        ),
        (query) => {
          try {
            compileListQuery(query, TYPES);
          } catch (e) {
            expect(e).toBeInstanceOf(VisibilityQueryError);
            expect((e as Error).message).toMatch(/^invalid query: /);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
