import { isValidBsn } from './bsn';

describe('isValidBsn (elfproef)', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts the valid BSN %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['123456789', 'fails the 11-test'],
    ['111222334', 'one digit off'],
    ['12345678', 'too short'],
    ['1234567890', 'too long'],
    ['12345678a', 'not a number'],
    ['000000000', 'all zeros'],
    ['', 'empty'],
  ])('rejects %s (%s)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
});
