/**
 * Burgerservicenummer validation with the elfproef (11-test):
 * 9 digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, and not all zeros.
 */
export function isValidBsn(input: string): boolean {
  if (!/^\d{9}$/.test(input)) return false;
  if (input === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(input[i]);
  sum -= Number(input[8]);
  return sum % 11 === 0;
}
