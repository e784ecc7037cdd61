/**
 * Kinds of organisation in the partnership. Release profiles, register recipients and consents
 * are expressed per type; a consent may also name one organisation.
 */
export const ORGANISATIE_TYPEN = ['gemeente', 'uitvoerder', 'werkgever', 'ggz', 'schuldhulp', 'wijkteam'] as const;

/** One of {@link ORGANISATIE_TYPEN}. */
export type OrganisatieType = (typeof ORGANISATIE_TYPEN)[number];

/** An organisation in a request or a log line: its opaque id and its type. */
export interface Organisatie {
  readonly organisatie: string;
  readonly type: OrganisatieType;
}

/** Selects organisations in a consent or in the register: one named organisation, or every organisation of a type. */
export type OrganisatieSelector = { readonly soort: 'organisatie'; readonly organisatie: string } | { readonly soort: 'type'; readonly type: OrganisatieType };

/** True when `organisatie` is selected by `selector`. */
export function selecteert(selector: OrganisatieSelector, organisatie: Organisatie): boolean {
  return selector.soort === 'organisatie' ? selector.organisatie === organisatie.organisatie : selector.type === organisatie.type;
}

/** Type guard for untrusted input. */
export function isOrganisatieType(value: string): value is OrganisatieType {
  return (ORGANISATIE_TYPEN as readonly string[]).includes(value);
}
