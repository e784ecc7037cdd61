import { z } from 'zod';

/** Kinds of organisation in a regional partnership. */
export const ORGANISATIE_TYPES = ['gemeente', 'uitvoerder', 'werkgever', 'ggz', 'schuldhulp', 'wijkteam'] as const;
export type OrganisatieType = (typeof ORGANISATIE_TYPES)[number];

/** Roles a person acts in. */
export const ROLLEN = ['klantmanager', 'coach', 'jobcoach', 'behandelaar', 'stuurgroeplid', 'fg'] as const;
export type Rol = (typeof ROLLEN)[number];

/**
 * The authenticated caller of an API request, taken from the verified JWT claims
 * `sub`, `organisatie`, `organisatieType` and `rol`.
 */
export interface Identity {
  /** Subject id of the person (opaque; never a BSN or a name). */
  readonly sub: string;
  /** Id of the organisation the person acts for (see `GET /api/v1/organisaties`). */
  readonly organisatie: string;
  readonly organisatieType: OrganisatieType;
  readonly rol: Rol;
}

/** Validates the identity claims of a token payload. */
export const identitySchema = z.object({
  sub: z.string().min(1),
  organisatie: z.string().min(1),
  organisatieType: z.enum(ORGANISATIE_TYPES),
  rol: z.enum(ROLLEN),
});
