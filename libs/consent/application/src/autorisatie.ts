import type { Identity, Rol } from '@ketenregie/shared-platform';
import { ForbiddenError } from '@ketenregie/shared-kernel';

/** Professionals who record and withdraw consents and ask for decisions on behalf of a deelnemer. */
export const PROFESSIONALS: readonly Rol[] = ['klantmanager', 'coach', 'jobcoach', 'behandelaar'];

/** @throws ForbiddenError `CONSENT.ROLE_NOT_ALLOWED` when the caller's role is not in `rollen`. */
export function vereisRol(identiteit: Identity, rollen: readonly Rol[], handeling: string): void {
  if (!rollen.includes(identiteit.rol)) {
    throw new ForbiddenError({ code: 'CONSENT.ROLE_NOT_ALLOWED', detail: `Role ${identiteit.rol} may not ${handeling}.` });
  }
}
