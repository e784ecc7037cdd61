/** Kinds of organisation in a regional partnership. */
export const ORGANISATIE_TYPES = ['gemeente', 'uitvoerder', 'werkgever', 'ggz', 'schuldhulp', 'wijkteam'] as const;
/** One of {@link ORGANISATIE_TYPES}. */
export type OrganisatieType = (typeof ORGANISATIE_TYPES)[number];

/**
 * How the registry spells an organisation id (`gemeente-dommeldal`): lowercase letters and
 * digits in hyphen-separated words, starting with a letter, at most {@link ORGANISATIE_ID_MAX}
 * characters. Request bodies that name an organisation are held to it.
 */
export const ORGANISATIE_ID_PATROON = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Longest organisation id. */
export const ORGANISATIE_ID_MAX = 64;

/** Roles a person acts in. A `deelnemer` is the person a traject is for, signed in to see their own data. */
export const ROLLEN = ['klantmanager', 'coach', 'jobcoach', 'behandelaar', 'stuurgroeplid', 'fg', 'deelnemer'] as const;
/** One of {@link ROLLEN}. */
export type Rol = (typeof ROLLEN)[number];

/**
 * The authenticated caller of an API request, taken from the verified JWT claims
 * `sub`, `organisatie`, `organisatieType`, `rol` and, for a deelnemer, `deelnemerId`.
 * Access is never decided on `organisatieType`: the organisation registry holds the type.
 */
export interface Identity {
  /** Subject id of the person (opaque; never a BSN or a name). */
  readonly sub: string;
  /** Id of the organisation the person acts for (see `GET /api/v1/organisaties`). */
  readonly organisatie: string;
  /** The type the token states; informative only (access uses the registry's type). Absent for a deelnemer. */
  readonly organisatieType?: OrganisatieType;
  readonly rol: Rol;
  /** The deelnemer a `deelnemer` token signs in as (set by the issuer, never by the caller). */
  readonly deelnemerId?: string;
}
