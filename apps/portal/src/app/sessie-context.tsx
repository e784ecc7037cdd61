import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { koppelSessie } from '../api/client';
import { portalConfig } from '../auth/portal-config';
import { bewaarSessie, leesSessie, wisSessie, type Sessie } from '../auth/sessie';

interface SessieContextWaarde {
  readonly sessie?: Sessie;
  /** Set after the session ended by itself (expired token), to say so on the sign-in page. */
  readonly verlopen: boolean;
  inloggen(sessie: Sessie): void;
  uitloggen(): Promise<void>;
}

const SessieContext = createContext<SessieContextWaarde | undefined>(undefined);

/** Holds the signed-in person for the whole app and hands the token to the API client. */
export function SessieProvider({ children }: { readonly children: ReactNode }) {
  const [sessie, zetSessie] = useState<Sessie | undefined>(() => leesSessie());
  const [verlopen, zetVerlopen] = useState(false);
  // The client is wired during the first render, not in an effect: a page opened directly (a
  // reload, a link) sends its first requests from its own effects, which run before this
  // provider's. The token is read from the stored session at each request, so it is the current
  // one after signing in or out as well.
  useState(() =>
    koppelSessie(
      () => leesSessie()?.token,
      () => {
        wisSessie();
        zetSessie(undefined);
        zetVerlopen(true);
      },
    ),
  );

  const inloggen = useCallback((nieuw: Sessie) => {
    bewaarSessie(nieuw);
    zetVerlopen(false);
    zetSessie(nieuw);
  }, []);

  const uitloggen = useCallback(async () => {
    const oud = sessie;
    wisSessie();
    zetSessie(undefined);
    if (oud?.wijze === 'oidc') {
      const config = await portalConfig();
      const oidc = config.oidc;
      const url = oidc ? await import('../auth/oidc').then((m) => m.oidcUitlogUrl(oidc, oud.idToken)).catch(() => undefined) : undefined;
      if (url) window.location.assign(url);
    }
  }, [sessie]);

  const waarde = useMemo(() => ({ sessie, verlopen, inloggen, uitloggen }), [sessie, verlopen, inloggen, uitloggen]);
  return <SessieContext.Provider value={waarde}>{children}</SessieContext.Provider>;
}

export function useSessie(): SessieContextWaarde {
  const waarde = useContext(SessieContext);
  if (!waarde) throw new Error('useSessie outside SessieProvider');
  return waarde;
}

/** The signed-in person; only for pages behind {@link VereistSessie}. */
export function useIngelogd(): Sessie {
  const { sessie } = useSessie();
  if (!sessie) throw new Error('useIngelogd without a session');
  return sessie;
}
