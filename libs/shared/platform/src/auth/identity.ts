import { ORGANISATIE_TYPES, ROLLEN } from '@ketenregie/shared-kernel';
import { z } from 'zod';

// The identity types are pure and live in the kernel (contracts and domain use them without
// loading Nest); re-exported here so platform users keep one import.
export { ORGANISATIE_TYPES, ROLLEN } from '@ketenregie/shared-kernel';
export type { Identity, OrganisatieType, Rol } from '@ketenregie/shared-kernel';

/** Validates the identity claims of a token payload. */
export const identitySchema = z.object({
  sub: z.string().min(1),
  organisatie: z.string().min(1),
  organisatieType: z.enum(ORGANISATIE_TYPES),
  rol: z.enum(ROLLEN),
});
