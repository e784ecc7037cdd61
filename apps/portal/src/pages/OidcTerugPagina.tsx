import { Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { verwacht } from '../api/fouten';
import { PaginaTitel } from '../app/onderdelen';
import { useSessie } from '../app/sessie-context';
import { portalConfig } from '../auth/portal-config';
import { sessieUitToken } from '../auth/sessie';

/** Where the identity provider sends the browser back: swaps the code for a token. */
export function OidcTerugPagina() {
  const { inloggen } = useSessie();
  const navigate = useNavigate();
  const [fout, zetFout] = useState<string>();
  const gestart = useRef(false);
  useEffect(() => {
    if (gestart.current) return;
    gestart.current = true;
    (async () => {
      const config = await portalConfig();
      if (!config.oidc) throw new Error('OpenID Connect is niet ingericht.');
      const { voltooiOidcInloggen } = await import('../auth/oidc');
      const { accessToken, idToken } = await voltooiOidcInloggen(config.oidc, new URL(window.location.href));
      const sessie = sessieUitToken(accessToken, 'oidc', { idToken });
      // The registry is public: show the organisation's name rather than its id.
      const organisatie = await verwacht(api.GET('/api/v1/organisaties/{id}', { params: { path: { id: sessie.organisatie } } })).catch(() => undefined);
      inloggen({ ...sessie, organisatieNaam: organisatie?.naam });
      navigate('/', { replace: true });
    })().catch(() => zetFout('Inloggen is niet gelukt.'));
  }, [inloggen, navigate]);
  return (
    <>
      <PaginaTitel>Inloggen</PaginaTitel>
      {fout ? (
        <Paragraph role="alert">
          {fout} <Link href="/inloggen">Probeer het opnieuw</Link>.
        </Paragraph>
      ) : (
        <Paragraph aria-live="polite">Bezig met inloggen…</Paragraph>
      )}
    </>
  );
}
