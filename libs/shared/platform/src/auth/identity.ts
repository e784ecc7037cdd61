import { ORGANISATIE_TYPES, ROLLEN } from '@ketenregie/shared-kernel';
import { z } from 'zod';

// The identity types are pure and live in the kernel (contracts and domain use them without
// loading Nest); re-exported here so platform users keep one import.
export { ORGANISATIE_TYPES, ROLLEN } from '@ketenregie/shared-kernel';
export type { Identity, OrganisatieType, Rol } from '@ketenregie/shared-kernel';

/**
 * Validates the identity claims of a token payload. A `deelnemer` token carries the deelnemer's
 * id (`deelnemerId`) and no organisation type; every other token carries no deelnemer id.
 */
export const identitySchema = z
  .object({
    sub: z.string().min(1),
    organisatie: z.string().min(1),
    organisatieType: z.enum(ORGANISATIE_TYPES).optional(),
    rol: z.enum(ROLLEN),
    deelnemerId: z.uuid().optional(),
  })
  .refine((c) => (c.rol === 'deelnemer') === (c.deelnemerId !== undefined), { message: 'a deelnemer token, and only a deelnemer token, names its deelnemer' })
  .refine((c) => c.rol === 'deelnemer' || c.organisatieType !== undefined, { message: 'a professional token states its organisation type' });

/**
 * The identity of a deelnemer as a deelnemer token names it: no organisation of their own (the
 * organisation claim is the deelnemer's own key), no organisation type. The gateway's demo login
 * signs it in; a service token acts for it where a deelnemer's own consent is what acts.
 */
export function deelnemerIdentiteit(deelnemerId: string): { sub: string; organisatie: string; rol: 'deelnemer'; deelnemerId: string } {
  return { sub: `deelnemer:${deelnemerId}`, organisatie: `deelnemer:${deelnemerId}`, rol: 'deelnemer', deelnemerId };
}
