import { isReservedAttributeName, resolveAttribute } from './attributes';

describe('search attribute names', () => {
  it('reserves system and predefined names, not custom ones', () => {
    expect(isReservedAttributeName('WorkflowId')).toBe(true);
    expect(isReservedAttributeName('ExecutionStatus')).toBe(true);
    expect(isReservedAttributeName('TemporalChangeVersion')).toBe(true);
    expect(isReservedAttributeName('Gemeente')).toBe(false);
    expect(isReservedAttributeName('workflowid')).toBe(false);
  });

  it('resolves system names before custom registrations of the same name', () => {
    expect(resolveAttribute('StartTime', { StartTime: 'Keyword' })?.type).toBe('Datetime');
    expect(resolveAttribute('Gemeente', { Gemeente: 'Keyword' })?.type).toBe('Keyword');
    expect(resolveAttribute('Gemeente', {})).toBeUndefined();
    expect(resolveAttribute('toString', {})).toBeUndefined();
  });
});
