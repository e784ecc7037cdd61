import type { OrganisatieType, Rol } from '@ketenregie/shared-platform';

/**
 * Which roles a person of each kind of organisation can act in, for tokens the embedded
 * gateway issues (in production the organisation's identity provider decides). Every partner
 * sits in the stuurgroep; the functionaris gegevensbescherming is the gemeente's.
 */
export const ROLLEN_PER_ORGANISATIE_TYPE: Readonly<Record<OrganisatieType, readonly Rol[]>> = {
  gemeente: ['klantmanager', 'fg', 'stuurgroeplid'],
  uitvoerder: ['coach', 'jobcoach', 'stuurgroeplid'],
  werkgever: ['jobcoach', 'stuurgroeplid'],
  ggz: ['behandelaar', 'stuurgroeplid'],
  schuldhulp: ['coach', 'stuurgroeplid'],
  wijkteam: ['coach', 'stuurgroeplid'],
};

/** True when `rol` fits an organisation of type `type`. */
export function rolFitsOrganisatieType(rol: Rol, type: OrganisatieType): boolean {
  return ROLLEN_PER_ORGANISATIE_TYPE[type].includes(rol);
}
