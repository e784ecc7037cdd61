import type { PlaatsingOverzicht } from '@ketenregie/plaatsing-domain';

/** The PostgreSQL schema owned by plaatsing-service (and the worker's plaatsing activities). */
export const PLAATSING_SCHEMA = 'plaatsing';

/** A placement's overview as stored in the clear: the employer without its contact persons (those are encrypted). */
export type OpgeslagenOverzicht = Omit<PlaatsingOverzicht, 'werkgever'> & { readonly werkgever: { readonly organisatieId: string } };
