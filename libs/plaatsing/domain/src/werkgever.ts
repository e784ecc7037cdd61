import { plaatsingError } from './plaatsing.errors';

/**
 * A person at the employer the partnership deals with (not a deelnemer): the contact person or
 * the named deputy. Their name and phone are what the jobcoach and the werkgeversservicepunt call.
 */
export interface Contactpersoon {
  readonly naam: string;
  readonly telefoon: string;
  readonly email?: string;
}

/**
 * An employer of the partnership: an organisation of type `werkgever` in the registry, with one
 * contact person and a named deputy, so a placement never hangs on one supportive manager.
 */
export interface Werkgever {
  /** Registry id of the organisation (its type is `werkgever` in the registry). */
  readonly organisatieId: string;
  readonly contactpersoon: Contactpersoon;
  readonly plaatsvervanger?: Contactpersoon;
}

/**
 * The partnership's single contact for employers: whom a werkgever calls about any placement,
 * vacancy or scheme, before and after hiring.
 */
export interface Werkgeversservicepunt {
  readonly naam: string;
  readonly telefoon: string;
  readonly email: string;
}

/** The demo region's werkgeversservicepunt. */
export const WERKGEVERSSERVICEPUNT_DOMMELDAL: Werkgeversservicepunt = Object.freeze({
  naam: 'Werkgeversservicepunt Dommeldal',
  telefoon: '040-1234567',
  email: 'werkgevers@dommeldal.example',
});

const TELEFOON = /^[0-9+() -]{6,20}$/;

function controleerContact(c: Contactpersoon, veld: string, fouten: Record<string, string>): Contactpersoon {
  const naam = c.naam.trim();
  if (naam.length === 0 || naam.length > 120) fouten[`${veld}.naam`] = 'must be 1 to 120 characters';
  if (!TELEFOON.test(c.telefoon)) fouten[`${veld}.telefoon`] = 'must be a phone number';
  return { ...c, naam };
}

/**
 * Checks an employer's profile: a contact person and, if named, a deputy who is someone else.
 * @throws DomainError `PLAATSING.WERKGEVER_ONGELDIG` naming the offending fields.
 */
export function controleerWerkgever(w: Werkgever): Werkgever {
  const fouten: Record<string, string> = {};
  const contactpersoon = controleerContact(w.contactpersoon, 'contactpersoon', fouten);
  const plaatsvervanger = w.plaatsvervanger ? controleerContact(w.plaatsvervanger, 'plaatsvervanger', fouten) : undefined;
  if (plaatsvervanger && plaatsvervanger.naam === contactpersoon.naam && plaatsvervanger.telefoon === contactpersoon.telefoon) {
    fouten['plaatsvervanger'] = 'must be another person than the contact person';
  }
  if (Object.keys(fouten).length > 0) throw plaatsingError('PLAATSING.WERKGEVER_ONGELDIG', 'The employer profile is not complete.', fouten);
  return { organisatieId: w.organisatieId, contactpersoon, ...(plaatsvervanger ? { plaatsvervanger } : {}) };
}

/**
 * The contact person left: the deputy takes over (a new deputy may be named at once). Without a
 * deputy there is nobody to take over, and `undefined` is returned.
 */
export function vervangContactpersoon(w: Werkgever, nieuwePlaatsvervanger?: Contactpersoon): Werkgever | undefined {
  if (!w.plaatsvervanger) return undefined;
  return { organisatieId: w.organisatieId, contactpersoon: w.plaatsvervanger, ...(nieuwePlaatsvervanger ? { plaatsvervanger: nieuwePlaatsvervanger } : {}) };
}
