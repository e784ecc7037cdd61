import type { Schemas } from '../api/client';

/** Tasks in the order a professional works them: overdue first, then by due date. */
/** A task of `GET /api/v1/taken`. */
export type Taak = Schemas['TakenDto']['taken'][number];

export function opVolgorde(taken: readonly Taak[]): Taak[] {
  const gewicht = (t: Taak) => (t.status === 'verlopen' ? 0 : 1);
  return [...taken].sort((a, b) => gewicht(a) - gewicht(b) || a.vervalt.localeCompare(b.vervalt));
}
