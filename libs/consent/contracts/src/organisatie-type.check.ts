import type { OrganisatieType as KernelOrganisatieType } from '@ketenregie/shared-kernel';
import type { OrganisatieType } from '@ketenregie/consent-domain';

type Gelijk<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time proof that the consent domain's organisation types equal the kernel identity's
 * (`organisatieType` claim), so a caller's type can always be used as a recipient or source type.
 */
export const ORGANISATIE_TYPEN_GELIJK: Gelijk<OrganisatieType, KernelOrganisatieType> = true;
