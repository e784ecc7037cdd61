import type { Taak } from '../api/antwoorden';

/** Tasks in the order a professional works them: overdue first, then by due date. */
export function opVolgorde(taken: readonly Taak[]): Taak[] {
  const gewicht = (t: Taak) => (t.status === 'verlopen' ? 0 : 1);
  return [...taken].sort((a, b) => gewicht(a) - gewicht(b) || a.vervalt.localeCompare(b.vervalt));
}
