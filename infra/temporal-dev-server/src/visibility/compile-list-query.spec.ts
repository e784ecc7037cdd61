import { compileListQuery, type SearchAttributeType, VisibilityQueryError, type VisibilityRecord } from './index';

const TYPES: Record<string, SearchAttributeType> = {
  Gemeente: 'Keyword',
  Fase: 'Int',
  Score: 'Double',
  Actief: 'Bool',
  Deadline: 'Datetime',
  Labels: 'KeywordList',
  Omschrijving: 'Text',
};

function record(workflowId: string, fields: Partial<VisibilityRecord> & { start: string; close?: string }): VisibilityRecord {
  const { start, close, ...rest } = fields;
  return {
    namespace: 'default',
    workflowId,
    runId: `run-${workflowId}`,
    workflowType: 'TrajectWorkflow',
    taskQueue: 'traject',
    status: close ? 'Completed' : 'Running',
    startTime: new Date(start),
    executionTime: new Date(start),
    closeTime: close ? new Date(close) : undefined,
    historyLength: 10,
    searchAttributes: {},
    ...rest,
  };
}

const RECORDS: VisibilityRecord[] = [
  record('aanmelding-1', {
    workflowType: 'AanmeldingWorkflow',
    taskQueue: 'aanmelding',
    start: '2024-01-01T10:00:00Z',
    historyLength: 12,
    searchAttributes: {
      Gemeente: 'Zaanstad',
      Fase: 2,
      Score: 7.5,
      Actief: true,
      Deadline: new Date('2024-03-01T00:00:00Z'),
      Labels: ['nazorg', 'urgent'],
      Omschrijving: 'Overdracht naar Gemeente Zaanstad',
    },
  }),
  record('traject-2', {
    status: 'Completed',
    start: '2024-01-02T10:00:00Z',
    close: '2024-01-05T10:00:00Z',
    historyLength: 40,
    searchAttributes: {
      Gemeente: 'Purmerend',
      Fase: 3,
      Score: 5,
      Actief: false,
      Deadline: new Date('2024-02-01T00:00:00Z'),
      Labels: ['nazorg'],
      Omschrijving: 'Plaatsing bij werkgever',
    },
  }),
  record('traject-3', {
    status: 'Failed',
    start: '2024-01-03T10:00:00Z',
    close: '2024-01-04T10:00:00Z',
    historyLength: 7,
  }),
  record('other-4', {
    workflowType: 'AanmeldingWorkflow',
    status: 'ContinuedAsNew',
    start: '2023-12-31T23:00:00Z',
    close: '2024-01-01T00:00:00.500Z',
    historyLength: 100,
    searchAttributes: { Gemeente: 'Zaandam', Labels: [], Fase: -1 },
  }),
];

/** Workflow ids the query selects, in the order the query asks for. */
function ids(query: string, records: VisibilityRecord[] = RECORDS): string[] {
  const compiled = compileListQuery(query, TYPES);
  return records
    .filter((r) => compiled.matches(r))
    .sort(compiled.compare)
    .map((r) => r.workflowId);
}

describe('compileListQuery', () => {
  describe('empty query and default order', () => {
    it('matches everything, open executions first, then by CloseTime and StartTime descending', () => {
      expect(ids('')).toEqual(['aanmelding-1', 'traject-2', 'traject-3', 'other-4']);
      expect(ids('  \n ')).toEqual(['aanmelding-1', 'traject-2', 'traject-3', 'other-4']);
    });

    it('orders open executions among themselves by StartTime descending, then RunId', () => {
      const a = record('a', { start: '2024-01-01T00:00:00Z' });
      const b = record('b', { start: '2024-01-02T00:00:00Z' });
      const c = record('c', { start: '2024-01-02T00:00:00Z' });
      expect(ids('', [a, c, b])).toEqual(['b', 'c', 'a']);
    });
  });

  describe('Keyword system attributes', () => {
    it('supports = and != on WorkflowType, WorkflowId, RunId and TaskQueue', () => {
      expect(ids(`WorkflowType = 'TrajectWorkflow'`)).toEqual(['traject-2', 'traject-3']);
      expect(ids(`WorkflowType != 'TrajectWorkflow'`)).toEqual(['aanmelding-1', 'other-4']);
      expect(ids(`WorkflowId = "traject-3"`)).toEqual(['traject-3']);
      expect(ids(`RunId = 'run-other-4'`)).toEqual(['other-4']);
      expect(ids(`TaskQueue = 'aanmelding'`)).toEqual(['aanmelding-1']);
    });

    it('compares keywords as strings with <, <=, >, >= and BETWEEN', () => {
      expect(ids(`WorkflowId < 'other-4'`)).toEqual(['aanmelding-1']);
      expect(ids(`WorkflowId <= 'other-4'`)).toEqual(['aanmelding-1', 'other-4']);
      expect(ids(`WorkflowId > 'traject-2'`)).toEqual(['traject-3']);
      expect(ids(`WorkflowId >= 'traject-2'`)).toEqual(['traject-2', 'traject-3']);
      expect(ids(`WorkflowId BETWEEN 'b' AND 'traject-2'`)).toEqual(['traject-2', 'other-4']);
      expect(ids(`WorkflowId NOT BETWEEN 'b' AND 'traject-2'`)).toEqual(['aanmelding-1', 'traject-3']);
    });

    it('supports IN, NOT IN, STARTS_WITH and NOT STARTS_WITH', () => {
      expect(ids(`WorkflowId IN ('traject-2', 'other-4', 'missing')`)).toEqual(['traject-2', 'other-4']);
      expect(ids(`WorkflowId NOT IN ('traject-2', 'other-4')`)).toEqual(['aanmelding-1', 'traject-3']);
      expect(ids(`WorkflowId STARTS_WITH 'traject-'`)).toEqual(['traject-2', 'traject-3']);
      expect(ids(`WorkflowId NOT STARTS_WITH 'traject-'`)).toEqual(['aanmelding-1', 'other-4']);
    });

    it('treats STARTS_WITH wildcards literally', () => {
      const odd = [record('50%_off', { start: '2024-01-01T00:00:00Z' }), record('500', { start: '2024-01-01T00:00:00Z' })];
      expect(ids(`WorkflowId STARTS_WITH '50%'`, odd)).toEqual(['50%_off']);
      expect(ids(`WorkflowId STARTS_WITH ''`, odd)).toEqual(['50%_off', '500']);
    });

    it('matches quoted values with escaped quotes exactly', () => {
      const quoted = [record(`it's "quoted"`, { start: '2024-01-01T00:00:00Z' })];
      expect(ids(`WorkflowId = 'it''s "quoted"'`, quoted)).toEqual([`it's "quoted"`]);
      expect(ids(`WorkflowId = "it's ""quoted"""`, quoted)).toEqual([`it's "quoted"`]);
      expect(ids(`WorkflowId = 'it\\'s "quoted"'`, quoted)).toEqual([`it's "quoted"`]);
    });
  });

  describe('ExecutionStatus', () => {
    it('accepts status names, enum names and enum numbers', () => {
      expect(ids(`ExecutionStatus = 'Running'`)).toEqual(['aanmelding-1']);
      expect(ids(`ExecutionStatus = 'WORKFLOW_EXECUTION_STATUS_FAILED'`)).toEqual(['traject-3']);
      expect(ids(`ExecutionStatus = 6`)).toEqual(['other-4']);
      expect(ids(`ExecutionStatus IN ('Completed', 'Failed')`)).toEqual(['traject-2', 'traject-3']);
      expect(ids(`ExecutionStatus != 'Running'`)).toEqual(['traject-2', 'traject-3', 'other-4']);
    });

    it('rejects unknown statuses with the accepted names', () => {
      expect(() => compileListQuery(`ExecutionStatus = 'Done'`, TYPES)).toThrow(
        /invalid ExecutionStatus value 'Done' \(expected one of 'Running', 'Completed',/,
      );
      expect(() => compileListQuery(`ExecutionStatus = 42`, TYPES)).toThrow(/invalid ExecutionStatus value 42/);
    });
  });

  describe('Datetime attributes', () => {
    it('compares StartTime with RFC 3339 literals in any zone', () => {
      expect(ids(`StartTime > '2024-01-02T10:00:00Z'`)).toEqual(['traject-3']);
      expect(ids(`StartTime >= '2024-01-02T11:00:00+01:00'`)).toEqual(['traject-2', 'traject-3']);
      expect(ids(`StartTime < '2024-01-01T10:00:00Z'`)).toEqual(['other-4']);
      expect(ids(`StartTime <= '2024-01-01T10:00:00.000Z'`)).toEqual(['aanmelding-1', 'other-4']);
      expect(ids(`StartTime = '2024-01-03T10:00:00Z'`)).toEqual(['traject-3']);
    });

    it('supports BETWEEN (inclusive) and NOT BETWEEN on StartTime and ExecutionTime', () => {
      const query = `StartTime BETWEEN '2024-01-01T10:00:00Z' AND '2024-01-02T10:00:00Z'`;
      expect(ids(query)).toEqual(['aanmelding-1', 'traject-2']);
      expect(ids(`ExecutionTime NOT BETWEEN '2024-01-01T10:00:00Z' AND '2024-01-02T10:00:00Z'`)).toEqual(['traject-3', 'other-4']);
    });

    it('compares at nanosecond precision and accepts Unix nanoseconds', () => {
      expect(ids(`CloseTime = '2024-01-01T00:00:00.5Z'`)).toEqual(['other-4']);
      expect(ids(`CloseTime > '2024-01-01T00:00:00.499999999Z'`)).toEqual(['traject-2', 'traject-3', 'other-4']);
      expect(ids(`CloseTime > '2024-01-01T00:00:00.500000001Z'`)).toEqual(['traject-2', 'traject-3']);
      const nanos = (BigInt(Date.parse('2024-01-04T10:00:00Z')) * 1_000_000n).toString();
      expect(ids(`CloseTime = ${nanos}`)).toEqual(['traject-3']);
    });

    it('leaves open executions out of CloseTime comparisons and finds them with IS NULL', () => {
      expect(ids(`CloseTime < '2030-01-01T00:00:00Z'`)).toEqual(['traject-2', 'traject-3', 'other-4']);
      expect(ids(`CloseTime IS NULL`)).toEqual(['aanmelding-1']);
      expect(ids(`CloseTime IS NOT NULL`)).toEqual(['traject-2', 'traject-3', 'other-4']);
    });

    it('compares custom Datetime attributes', () => {
      expect(ids(`Deadline < '2024-02-15T00:00:00Z'`)).toEqual(['traject-2']);
      expect(ids(`Deadline IN ('2024-03-01T00:00:00Z', '2024-02-01T01:00:00+01:00')`)).toEqual(['aanmelding-1', 'traject-2']);
    });

    it('resolves NOW() with an offset against the compile time', () => {
      const now = new Date('2024-01-03T12:00:00Z');
      const compiled = compileListQuery(`StartTime > NOW() - 1d AND StartTime < now()`, TYPES, { now });
      expect(RECORDS.filter((r) => compiled.matches(r)).map((r) => r.workflowId)).toEqual(['traject-3']);
      const later = compileListQuery(`Deadline > NOW() + 5w`, TYPES, { now });
      expect(RECORDS.filter((r) => later.matches(r)).map((r) => r.workflowId)).toEqual(['aanmelding-1']);
    });

    it('rejects values that are not datetimes', () => {
      expect(() => compileListQuery(`StartTime > '2024-01-01'`, TYPES)).toThrow(
        new VisibilityQueryError(
          "invalid expression: unable to parse datetime '2024-01-01' for search attribute StartTime " +
            "(expected RFC 3339, e.g. '2024-01-31T09:30:00Z' or '2024-01-31T10:30:00.5+01:00')",
        ),
      );
      expect(() => compileListQuery(`Deadline = true`, TYPES)).toThrow(
        'invalid value type for search attribute Deadline of type Datetime: true (expected an RFC 3339 string, Unix nanoseconds or NOW())',
      );
      expect(() => compileListQuery(`StartTime > NOW() - 3y`, TYPES)).toThrow("invalid NOW() duration '3y'");
    });
  });

  describe('Int and Double attributes', () => {
    it('compares HistoryLength and custom Int values numerically', () => {
      expect(ids(`HistoryLength > 12`)).toEqual(['traject-2', 'other-4']);
      expect(ids(`HistoryLength BETWEEN 7 AND 12`)).toEqual(['aanmelding-1', 'traject-3']);
      expect(ids(`Fase = 2`)).toEqual(['aanmelding-1']);
      expect(ids(`Fase < 0`)).toEqual(['other-4']);
      expect(ids(`Fase = -1`)).toEqual(['other-4']);
      expect(ids(`Fase IN (3, 4)`)).toEqual(['traject-2']);
      expect(ids(`Fase >= 2.5`)).toEqual(['traject-2']);
    });

    it('compares Double values with integers and fractions', () => {
      expect(ids(`Score > 5`)).toEqual(['aanmelding-1']);
      expect(ids(`Score = 5.0`)).toEqual(['traject-2']);
      expect(ids(`Score <= 7.5e0`)).toEqual(['aanmelding-1', 'traject-2']);
      expect(ids(`Score NOT BETWEEN 6 AND 8`)).toEqual(['traject-2']);
    });

    it('rejects quoted numbers', () => {
      expect(() => compileListQuery(`Fase = '2'`, TYPES)).toThrow(
        new VisibilityQueryError("invalid expression: invalid value type for search attribute Fase of type Int: '2' (expected a number)"),
      );
    });

    it('computes ExecutionDuration of closed executions from durations or nanoseconds', () => {
      expect(ids(`ExecutionDuration > '2d'`)).toEqual(['traject-2']);
      expect(ids(`ExecutionDuration < '01:00:01'`)).toEqual(['other-4']);
      expect(ids(`ExecutionDuration = 86400000000000`)).toEqual(['traject-3']);
      expect(ids(`ExecutionDuration > '1h'`)).toEqual(['traject-2', 'traject-3', 'other-4']);
      expect(ids(`ExecutionDuration IS NULL`)).toEqual(['aanmelding-1']);
      expect(() => compileListQuery(`ExecutionDuration > 'long'`, TYPES)).toThrow(/invalid duration value for search attribute ExecutionDuration: 'long'/);
    });
  });

  describe('Bool attributes', () => {
    it('supports = and != with true and false in any case', () => {
      expect(ids(`Actief = true`)).toEqual(['aanmelding-1']);
      expect(ids(`Actief = FALSE`)).toEqual(['traject-2']);
      expect(ids(`Actief != true`)).toEqual(['traject-2']);
    });

    it('rejects non-boolean values and ranges', () => {
      expect(() => compileListQuery(`Actief = 'true'`, TYPES)).toThrow(
        "invalid value type for search attribute Actief of type Bool: 'true' (expected true or false)",
      );
      expect(() => compileListQuery(`Actief BETWEEN false AND true`, TYPES)).toThrow("cannot do range condition on search attribute 'Actief' of type Bool");
    });
  });

  describe('KeywordList attributes', () => {
    it('reads = as "contains" and != as "does not contain"', () => {
      expect(ids(`Labels = 'urgent'`)).toEqual(['aanmelding-1']);
      expect(ids(`Labels = 'nazorg'`)).toEqual(['aanmelding-1', 'traject-2']);
      expect(ids(`Labels != 'urgent'`)).toEqual(['traject-2']);
    });

    it('reads IN as "contains any" and NOT IN as "contains none"', () => {
      expect(ids(`Labels IN ('urgent', 'missing')`)).toEqual(['aanmelding-1']);
      expect(ids(`Labels NOT IN ('urgent')`)).toEqual(['traject-2']);
    });

    it('treats an empty list as no value', () => {
      expect(ids(`Labels IS NULL`)).toEqual(['traject-3', 'other-4']);
      expect(ids(`Labels IS NOT NULL`)).toEqual(['aanmelding-1', 'traject-2']);
    });

    it('rejects ordering operators, STARTS_WITH, ranges and sorting', () => {
      expect(() => compileListQuery(`Labels STARTS_WITH 'n'`, TYPES)).toThrow(
        new VisibilityQueryError(
          "invalid expression: operator 'STARTS_WITH' not allowed for search attribute 'Labels' of type KeywordList " + '(allowed: =, !=, IN, IS NULL)',
        ),
      );
      expect(() => compileListQuery(`Labels > 'a'`, TYPES)).toThrow("operator '>' not allowed");
      expect(() => compileListQuery(`Labels BETWEEN 'a' AND 'b'`, TYPES)).toThrow('cannot do range condition');
      expect(() => compileListQuery(`ORDER BY Labels`, TYPES)).toThrow("unable to sort by search attribute 'Labels' of type KeywordList");
    });
  });

  describe('Text attributes', () => {
    it('matches whole words case-insensitively, any word of the value', () => {
      expect(ids(`Omschrijving = 'zaanstad'`)).toEqual(['aanmelding-1']);
      expect(ids(`Omschrijving = 'Zaan'`)).toEqual([]);
      expect(ids(`Omschrijving = 'werkgever Zaanstad'`)).toEqual(['aanmelding-1', 'traject-2']);
      expect(ids(`Omschrijving != 'werkgever'`)).toEqual(['aanmelding-1']);
    });

    it('rejects ordering operators, blank values and sorting', () => {
      expect(() => compileListQuery(`Omschrijving STARTS_WITH 'Over'`, TYPES)).toThrow(
        "operator 'STARTS_WITH' not allowed for search attribute 'Omschrijving' of type Text (allowed: =, !=, IS NULL)",
      );
      expect(() => compileListQuery(`Omschrijving IN ('a')`, TYPES)).toThrow("operator 'IN' not allowed");
      expect(() => compileListQuery(`Omschrijving = ' - '`, TYPES)).toThrow('no tokens found filtering on Text type search attribute Omschrijving');
      expect(() => compileListQuery(`ORDER BY Omschrijving`, TYPES)).toThrow('unable to sort by search attribute');
    });
  });

  describe('custom Keyword attributes', () => {
    it('supports the Keyword operators and needs quoted values', () => {
      expect(ids(`Gemeente STARTS_WITH 'Zaan'`)).toEqual(['aanmelding-1', 'other-4']);
      expect(ids(`Gemeente > 'Zaandam'`)).toEqual(['aanmelding-1']);
      expect(() => compileListQuery(`Gemeente = 12`, TYPES)).toThrow(
        'invalid value type for search attribute Gemeente of type Keyword: 12 (expected a quoted string)',
      );
    });

    it('reads backticked names', () => {
      const types: Record<string, SearchAttributeType> = { 'Regio-Code': 'Keyword' };
      const r = record('x', { start: '2024-01-01T00:00:00Z', searchAttributes: { 'Regio-Code': 'NH' } });
      expect(compileListQuery('`Regio-Code` = "NH"', types).matches(r)).toBe(true);
      expect(compileListQuery('`WorkflowId` = "x"', types).matches(r)).toBe(true);
    });
  });

  describe('missing attributes (SQL three-valued logic)', () => {
    it('never matches a comparison on an attribute a record lacks, nor its negation', () => {
      expect(ids(`Gemeente != 'Zaanstad'`)).toEqual(['traject-2', 'other-4']);
      expect(ids(`NOT Gemeente = 'Zaanstad'`)).toEqual(['traject-2', 'other-4']);
      expect(ids(`NOT (Fase > 100)`)).toEqual(['aanmelding-1', 'traject-2', 'other-4']);
    });

    it('lets OR rescue an unknown side and AND with false stay false', () => {
      expect(ids(`Gemeente = 'x' OR WorkflowId = 'traject-3'`)).toEqual(['traject-3']);
      expect(ids(`NOT (Gemeente = 'x' AND WorkflowId = 'nope')`)).toEqual(['aanmelding-1', 'traject-2', 'traject-3', 'other-4']);
    });
  });

  describe('boolean structure', () => {
    it('combines conditions with AND, OR, NOT and parentheses', () => {
      expect(ids(`WorkflowType = 'TrajectWorkflow' AND ExecutionStatus = 'Completed'`)).toEqual(['traject-2']);
      expect(ids(`WorkflowId = 'traject-3' OR WorkflowId = 'other-4' AND HistoryLength < 50`)).toEqual(['traject-3']);
      expect(ids(`(WorkflowId = 'traject-3' OR WorkflowId = 'other-4') AND HistoryLength > 50`)).toEqual(['other-4']);
      expect(ids(`NOT (WorkflowType = 'TrajectWorkflow')`)).toEqual(['aanmelding-1', 'other-4']);
      expect(ids(`((HistoryLength > 10)) AND NOT NOT Actief = true`)).toEqual(['aanmelding-1']);
    });
  });

  describe('ORDER BY', () => {
    it('sorts ascending by default and descending on request', () => {
      expect(ids(`ORDER BY HistoryLength`)).toEqual(['traject-3', 'aanmelding-1', 'traject-2', 'other-4']);
      expect(ids(`ORDER BY HistoryLength DESC`)).toEqual(['other-4', 'traject-2', 'aanmelding-1', 'traject-3']);
      expect(ids(`WorkflowType = 'TrajectWorkflow' ORDER BY StartTime asc`)).toEqual(['traject-2', 'traject-3']);
    });

    it('uses later keys to break ties and puts records without the attribute last', () => {
      expect(ids(`ORDER BY WorkflowType DESC, HistoryLength ASC`)).toEqual(['traject-3', 'traject-2', 'aanmelding-1', 'other-4']);
      expect(ids(`ORDER BY Fase DESC`)).toEqual(['traject-2', 'aanmelding-1', 'other-4', 'traject-3']);
      expect(ids(`ORDER BY Fase ASC`)).toEqual(['other-4', 'aanmelding-1', 'traject-2', 'traject-3']);
      expect(ids(`ORDER BY CloseTime ASC`)).toEqual(['other-4', 'traject-3', 'traject-2', 'aanmelding-1']);
    });

    it('falls back to the default order for ties', () => {
      expect(ids(`ORDER BY WorkflowType`)).toEqual(['aanmelding-1', 'other-4', 'traject-2', 'traject-3']);
    });
  });

  describe('attribute names', () => {
    it('rejects unknown and wrongly cased names', () => {
      expect(() => compileListQuery(`Onbekend = 'x'`, TYPES)).toThrow(
        new VisibilityQueryError(
          'invalid search attribute: Onbekend (not a system search attribute and not registered in this namespace; ' + 'names are case sensitive)',
        ),
      );
      expect(() => compileListQuery(`workflowId = 'x'`, TYPES)).toThrow('invalid search attribute: workflowId');
      expect(() => compileListQuery(`ORDER BY Onbekend`, TYPES)).toThrow('invalid search attribute: Onbekend');
    });

    it('knows predefined attributes such as TemporalChangeVersion without registration', () => {
      const r = record('p', {
        start: '2024-01-01T00:00:00Z',
        searchAttributes: { TemporalChangeVersion: ['fix-1-1'] },
      });
      expect(compileListQuery(`TemporalChangeVersion = 'fix-1-1'`, {}).matches(r)).toBe(true);
    });

    it('reads ScheduleId as WorkflowId unless a namespace registered it', () => {
      const r = record('sched-1', { start: '2024-01-01T00:00:00Z', searchAttributes: { ScheduleId: 'other' } });
      expect(compileListQuery(`ScheduleId = 'sched-1'`, {}).matches(r)).toBe(true);
      expect(compileListQuery(`ScheduleId = 'other'`, { ScheduleId: 'Keyword' }).matches(r)).toBe(true);
    });

    it('hides records of other namespace divisions unless the query asks for them', () => {
      const scheduler = record('temporal-sys-scheduler', {
        start: '2024-01-01T00:00:00Z',
        searchAttributes: { TemporalNamespaceDivision: 'TemporalScheduler' },
      });
      expect(compileListQuery('', {}).matches(scheduler)).toBe(false);
      expect(compileListQuery(`TemporalNamespaceDivision = 'TemporalScheduler'`, {}).matches(scheduler)).toBe(true);
    });
  });
});
