import { ValidationError } from '@ketenregie/shared-kernel';
import { isOrganisatieId } from './organisatie';

/**
 * The steering committee of a convenant: the partner organisations that monitor it. Members
 * are organisations, never persons, so the stuurgroep's view stays free of personal data.
 */
export interface Stuurgroep {
  /** Stable slug, like organisation ids. */
  readonly id: string;
  readonly naam: string;
  /** Ids of the member organisations, in registry order. */
  readonly leden: readonly string[];
}

/** A stuurgroep needs at least this many partners (a convenant binds two or more). */
export const MIN_STUURGROEP_LEDEN = 2;

/**
 * Checks a stuurgroep against the registry: well-formed id and name, at least
 * {@link MIN_STUURGROEP_LEDEN} distinct members, each a registered organisation.
 * @throws ValidationError `MONITORING.STUURGROEP_INVALID`.
 */
export function assertStuurgroep(stuurgroep: Stuurgroep, registered: ReadonlySet<string>): Stuurgroep {
  const fields: Record<string, string> = {};
  if (!isOrganisatieId(stuurgroep.id)) fields['id'] = 'must be a lower-case slug of at most 64 characters';
  if (stuurgroep.naam.trim().length === 0) fields['naam'] = 'must not be empty';
  const leden = [...new Set(stuurgroep.leden)];
  if (leden.length !== stuurgroep.leden.length) fields['leden'] = 'lists an organisation more than once';
  else if (leden.length < MIN_STUURGROEP_LEDEN) fields['leden'] = `needs at least ${MIN_STUURGROEP_LEDEN} organisations`;
  const unknown = leden.filter((id) => !registered.has(id));
  if (unknown.length > 0) fields['leden'] = `contains organisations that are not registered: ${unknown.join(', ')}`;
  if (Object.keys(fields).length > 0) {
    throw new ValidationError({ code: 'MONITORING.STUURGROEP_INVALID', detail: 'The stuurgroep does not meet the registry rules.', fields });
  }
  return { ...stuurgroep, naam: stuurgroep.naam.trim() };
}
