import type { PartijRecord } from '@ketenregie/exchange-domain';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';

/** The sender and the recipient as their columns: each as JSON, then its organisation (`zender`, `zender_organisatie`, `ontvanger`, `ontvanger_organisatie`). */
export function partijKolommen(x: { readonly zender: PartijRecord; readonly ontvanger: PartijRecord }): unknown[] {
  return [JSON.stringify(x.zender), x.zender.organisatie, JSON.stringify(x.ontvanger), x.ontvanger.organisatie];
}

/** Decrypts a value of the handover (source data, dossier) bound to purpose `doel`. */
export async function ontsleutel<T>(sleutels: Gegevenskluis | undefined, doel: string, data: unknown): Promise<T> {
  if (!sleutels) throw new Error('The handover data is encrypted and no key store is configured');
  return sleutels.ontsleutelJson<T>(doel, data as Buffer);
}
