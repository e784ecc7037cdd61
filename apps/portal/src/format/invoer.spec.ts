import { bsnCijfers, controleerBsn, leesDatum } from './invoer';

describe('the BSN field', () => {
  it('says nothing while fewer than 9 digits are typed, and names the count once the field is left', () => {
    expect(controleerBsn('1112', false)).toEqual({ soort: 'bezig' });
    expect(controleerBsn('1112', true)).toEqual({ soort: 'fout', melding: 'Een BSN heeft 9 cijfers; u hebt er 4 ingevuld.' });
  });

  it('accepts a BSN that passes the elfproef, also typed with spaces or dots', () => {
    expect(controleerBsn('111222333', false)).toEqual({ soort: 'geldig' });
    expect(controleerBsn('1112.22.333', false)).toEqual({ soort: 'geldig' });
    expect(bsnCijfers('111 222 333')).toBe('111222333');
  });

  it('rejects 9 digits that fail the elfproef as soon as they are typed', () => {
    expect(controleerBsn('111222334', false)).toMatchObject({ soort: 'fout', melding: expect.stringContaining('elfproef') });
  });

  it('rejects letters and too many digits at once', () => {
    expect(controleerBsn('11122a', false)).toMatchObject({ soort: 'fout' });
    expect(controleerBsn('1112223334', false)).toMatchObject({ soort: 'fout' });
  });
});

describe('dates as people type them', () => {
  it('reads day-month-year with dashes, slashes or spaces', () => {
    expect(leesDatum('12-04-1985')).toBe('1985-04-12');
    expect(leesDatum('1/2/2000')).toBe('2000-02-01');
  });

  it('refuses dates that do not exist', () => {
    expect(leesDatum('31-02-1985')).toBeUndefined();
    expect(leesDatum('1985-04-12')).toBeUndefined();
  });
});
