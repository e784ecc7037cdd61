import type { OrganisatieType } from '@ketenregie/shared-kernel';
import { ValidationError } from '@ketenregie/shared-kernel';

/**
 * A partner organisation of the regional partnership, as listed in the organisation registry.
 * Holds no personal data: the registry is public and the sign-in picks from it.
 */
export interface Organisatie {
  /** Stable slug (`gemeente-dommeldal`); the `organisatie` claim of tokens refers to it. */
  readonly id: string;
  /** Display name. */
  readonly naam: string;
  readonly type: OrganisatieType;
}

/** Lower-case words and digits joined by single hyphens, at most 64 characters. */
export const ORGANISATIE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 64;
const MAX_NAAM = 200;

/** True when `id` is a well-formed organisation id. */
export function isOrganisatieId(id: string): boolean {
  return id.length <= MAX_ID && ORGANISATIE_ID_PATTERN.test(id);
}

/**
 * Checks the registry's invariants on one organisation.
 * @throws ValidationError `MONITORING.ORGANISATIE_INVALID` naming the offending fields.
 */
export function assertOrganisatie(organisatie: Organisatie): Organisatie {
  const fields: Record<string, string> = {};
  if (!isOrganisatieId(organisatie.id)) fields['id'] = `must match ${ORGANISATIE_ID_PATTERN} and be at most ${MAX_ID} characters`;
  const naam = organisatie.naam.trim();
  if (naam.length === 0 || naam.length > MAX_NAAM) fields['naam'] = `must be 1 to ${MAX_NAAM} characters`;
  if (Object.keys(fields).length > 0) {
    throw new ValidationError({ code: 'MONITORING.ORGANISATIE_INVALID', detail: 'The organisation does not meet the registry rules.', fields });
  }
  return { ...organisatie, naam };
}
