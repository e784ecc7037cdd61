import { isValidBsn } from '@ketenregie/shared-kernel';

/** What the BSN field says while someone types: nothing yet, a problem, or that it is valid. */
export type BsnStaat = { readonly soort: 'leeg' | 'bezig' } | { readonly soort: 'fout'; readonly melding: string } | { readonly soort: 'geldig' };

/**
 * Checks a BSN as it is typed (spaces and dots allowed): too short is `bezig` while typing and
 * an error once the field is left (`klaar`); 9 digits must pass the elfproef.
 */
export function controleerBsn(invoer: string, klaar: boolean): BsnStaat {
  const cijfers = invoer.replace(/[\s.]/g, '');
  if (cijfers === '') return klaar ? { soort: 'fout', melding: 'Vul het BSN in.' } : { soort: 'leeg' };
  if (!/^\d+$/.test(cijfers)) return { soort: 'fout', melding: 'Een BSN bestaat alleen uit cijfers.' };
  if (cijfers.length < 9) return klaar ? { soort: 'fout', melding: `Een BSN heeft 9 cijfers; u hebt er ${cijfers.length} ingevuld.` } : { soort: 'bezig' };
  if (cijfers.length > 9) return { soort: 'fout', melding: `Een BSN heeft 9 cijfers; u hebt er ${cijfers.length} ingevuld.` };
  return isValidBsn(cijfers) ? { soort: 'geldig' } : { soort: 'fout', melding: 'Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers.' };
}

/** The BSN as the API wants it: 9 digits. */
export function bsnCijfers(invoer: string): string {
  return invoer.replace(/[\s.]/g, '');
}

/**
 * A date as people type it (`12-04-1985`, `12/4/1985`, `12 4 1985`) as `YYYY-MM-DD`, or
 * `undefined` when it is no real date.
 */
export function leesDatum(invoer: string): string | undefined {
  const match = /^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$/.exec(invoer);
  if (!match) return undefined;
  const [dag, maand, jaar] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const datum = new Date(Date.UTC(jaar, maand - 1, dag));
  if (datum.getUTCFullYear() !== jaar || datum.getUTCMonth() !== maand - 1 || datum.getUTCDate() !== dag) return undefined;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}
