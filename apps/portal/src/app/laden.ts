import { useCallback, useEffect, useState } from 'react';
import { apiFoutVan, type ApiFout } from '../api/fouten';

/** State of data a page loads from the API. */
export type Geladen<T> = { readonly status: 'laden' } | { readonly status: 'klaar'; readonly data: T } | { readonly status: 'fout'; readonly fout: ApiFout };

/** Loads `haal()` when the page opens and whenever `afhankelijk` changes; `opnieuw` reloads. */
export function useGeladen<T>(haal: () => Promise<T>, afhankelijk: readonly unknown[]): Geladen<T> & { opnieuw(): void } {
  const [teller, zetTeller] = useState(0);
  const sleutel = JSON.stringify([...afhankelijk, teller]);
  const [staat, zetStaat] = useState<{ sleutel: string; geladen: Geladen<T> }>();
  useEffect(() => {
    let actueel = true;
    haal().then(
      (data) => actueel && zetStaat({ sleutel, geladen: { status: 'klaar', data } }),
      (fout: unknown) => actueel && zetStaat({ sleutel, geladen: { status: 'fout', fout: apiFoutVan(fout, 'Er ging iets mis bij het laden.') } }),
    );
    return () => {
      actueel = false;
    };
    // `sleutel` stands for the dependencies; `haal` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sleutel]);
  const opnieuw = useCallback(() => zetTeller((n) => n + 1), []);
  const geladen: Geladen<T> = staat && staat.sleutel === sleutel ? staat.geladen : { status: 'laden' };
  return { ...geladen, opnieuw };
}

/**
 * A step someone takes on a page of loaded data: `neem(werk, gelukt, mislukt)` clears the last error, runs `werk`, then
 * confirms with `gelukt` (`melding`) and loads the data again (`opnieuw`); a failure becomes the error (`fout`;
 * `mislukt` when the API gave none).
 */
export function useStap(opnieuw: () => void) {
  const [melding, zetMelding] = useState<string>();
  const [fout, zetFout] = useState<ApiFout>();
  const neem = async (werk: () => Promise<unknown>, gelukt: string, mislukt: string) => {
    zetFout(undefined);
    try {
      await werk();
      zetMelding(gelukt);
      opnieuw();
    } catch (error) {
      zetFout(apiFoutVan(error, mislukt));
    }
  };
  return { melding, fout, neem };
}
