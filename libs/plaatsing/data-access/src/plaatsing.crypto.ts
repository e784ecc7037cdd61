import type { Contactpersoon, PlaatsingOverzicht } from '@ketenregie/plaatsing-domain';
import type { Sleutelkluis } from '@ketenregie/shared-crypto';
import type { OpgeslagenOverzicht } from './plaatsing.schema';

/**
 * What the plaatsing tables need of the key store: the deelnemer's own key for what the employer
 * may see of them, the system key for the employer's contact persons (staff of the employer, not
 * a deelnemer: their data goes when the employer replaces it, never with a deelnemer's erasure).
 */
export type PlaatsingKluis = Pick<Sleutelkluis, 'versleutelJson' | 'versleutelSysteem' | 'ontsleutelJson'>;

/** The purpose each encrypted value is bound to (a value copied to another row or column does not decrypt). */
export const PLAATSING_DOELEN = {
  werkgever: (organisatieId: string) => `plaatsing-werkgever:${organisatieId}`,
  kandidaat: (plaatsingId: string) => `plaatsing-kandidaat:${plaatsingId}`,
  contact: (plaatsingId: string) => `plaatsing-contact:${plaatsingId}`,
} as const;

/** An employer's contact person and deputy, as one encrypted value. */
export interface Contacten {
  readonly contactpersoon: Contactpersoon;
  readonly plaatsvervanger?: Contactpersoon;
}

/** Encrypts the contact persons under the system key. */
export function versleutelContacten(kluis: PlaatsingKluis, doel: string, w: Contacten): Promise<Buffer> {
  const waarde: Contacten = { contactpersoon: w.contactpersoon, ...(w.plaatsvervanger ? { plaatsvervanger: w.plaatsvervanger } : {}) };
  return kluis.versleutelSysteem(doel, Buffer.from(JSON.stringify(waarde), 'utf8'));
}

/** The overview without the employer's contact persons: what is stored in the clear. */
export function openbaarOverzicht(o: PlaatsingOverzicht): OpgeslagenOverzicht {
  return { ...o, werkgever: { organisatieId: o.werkgever.organisatieId } };
}
