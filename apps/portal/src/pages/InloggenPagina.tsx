import { Button, Fieldset, FieldsetLegend, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiFout, apiFoutVan, verwacht } from '../api/fouten';
import { useGeladen } from '../app/laden';
import { FoutMelding, PaginaTitel, Toon, Veld } from '../app/onderdelen';
import { useSessie } from '../app/sessie-context';
import { portalConfig, type PortalConfig } from '../auth/portal-config';
import { sessieUitToken } from '../auth/sessie';
import { organisatieTypeLabel, rolLabel } from '../format/labels';

/** Sign in: a demo organisation and role (embedded mode) or the organisation's identity provider. */
export function InloggenPagina() {
  const config = useGeladen(portalConfig, []);
  const { verlopen } = useSessie();
  return (
    <>
      <PaginaTitel>Inloggen</PaginaTitel>
      {verlopen && (
        <Paragraph className="kr-melding" role="status">
          Uw sessie is verlopen. Log opnieuw in.
        </Paragraph>
      )}
      <Toon geladen={config}>
        {(c) =>
          c.modus === 'embedded' ? (
            <>
              <DemoInloggen config={c} />
              <DemoDeelnemerInloggen />
            </>
          ) : (
            <OidcInloggen config={c} />
          )
        }
      </Toon>
    </>
  );
}

function useNaInloggen(): () => void {
  const navigate = useNavigate();
  const locatie = useLocation();
  const terug = (locatie.state as { terug?: string } | null)?.terug;
  return () => navigate(terug && terug.startsWith('/') && !terug.startsWith('/inloggen') ? terug : '/', { replace: true });
}

/**
 * Embedded mode: choose one of the region's organisations and a role that fits it; the gateway
 * signs a demo token (`POST /auth/dev-token`). Demo sign-in for a deelnemer (their own id in the
 * token) is added here as a second fieldset once the access policy provides it.
 */
function DemoInloggen({ config }: { readonly config: PortalConfig }) {
  const organisaties = useGeladen(() => verwacht(api.GET('/api/v1/organisaties')), []);
  const { inloggen } = useSessie();
  const naInloggen = useNaInloggen();
  const [organisatieId, zetOrganisatieId] = useState('');
  const [rol, zetRol] = useState('');
  const [fout, zetFout] = useState<ApiFout>();
  const [bezig, zetBezig] = useState(false);

  const lijst = organisaties.status === 'klaar' ? organisaties.data : [];
  const gekozen = lijst.find((o) => o.id === organisatieId);
  const rollen = useMemo(() => (gekozen ? (config.demo?.rollenPerOrganisatieType[gekozen.type] ?? []) : []), [gekozen, config]);
  const gekozenRol = rollen.includes(rol) ? rol : (rollen[0] ?? '');

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    if (!gekozen || !gekozenRol) return;
    zetBezig(true);
    zetFout(undefined);
    try {
      const { token } = await verwacht(
        api.POST('/auth/dev-token', { body: { organisatie: gekozen.id, rol: gekozenRol as Schemas['DevTokenRequestDto']['rol'] } }),
      );
      inloggen(sessieUitToken(token, 'demo', { organisatieNaam: gekozen.naam }));
      naInloggen();
    } catch (error) {
      zetFout(apiFoutVan(error, 'Inloggen is niet gelukt.'));
      zetBezig(false);
    }
  };

  return (
    <Toon geladen={organisaties}>
      {() => (
        <form onSubmit={verstuur} noValidate className="kr-formulier">
          <Paragraph>
            Dit is een demonstratieomgeving. Kies een organisatie uit de regio en de rol waarin u werkt; u krijgt dan een demotoken van de gateway.
          </Paragraph>
          {fout && <FoutMelding fout={fout} />}
          <Fieldset>
            <FieldsetLegend>Als medewerker van een organisatie</FieldsetLegend>
            <Veld id="organisatie" label="Organisatie">
              {(aria) => (
                <Select {...aria} value={organisatieId} onChange={(e) => zetOrganisatieId(e.target.value)} required>
                  <SelectOption value="">Kies een organisatie</SelectOption>
                  {lijst.map((o) => (
                    <SelectOption key={o.id} value={o.id}>
                      {o.naam} ({organisatieTypeLabel(o.type).toLowerCase()})
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Veld>
            <Veld id="rol" label="Rol" beschrijving={gekozen ? undefined : 'Kies eerst een organisatie.'}>
              {(aria) => (
                <Select {...aria} value={gekozenRol} onChange={(e) => zetRol(e.target.value)} disabled={!gekozen} required>
                  {rollen.map((r) => (
                    <SelectOption key={r} value={r}>
                      {rolLabel(r)}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Veld>
          </Fieldset>
          <Button type="submit" appearance="primary-action-button" disabled={!gekozen || !gekozenRol} busy={bezig}>
            Inloggen
          </Button>
        </form>
      )}
    </Toon>
  );
}

/**
 * Embedded mode: a demo deelnemer signs in with their deelnemer number (as DigiD would in
 * distributed mode); the gateway signs a token only for a deelnemer the traject context holds.
 */
function DemoDeelnemerInloggen() {
  const { inloggen } = useSessie();
  const naInloggen = useNaInloggen();
  const [deelnemer, zetDeelnemer] = useState('');
  const [fout, zetFout] = useState<ApiFout>();
  const [veldFout, zetVeldFout] = useState<string>();
  const [bezig, zetBezig] = useState(false);
  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    const id = deelnemer.trim().toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      zetVeldFout('Vul uw deelnemernummer in zoals het in uw brief staat, bijvoorbeeld 3f2b8c1e-0a4d-4c6e-9b1f-2d7e5a9c0b13.');
      return;
    }
    zetVeldFout(undefined);
    zetBezig(true);
    zetFout(undefined);
    try {
      const { token } = await verwacht(api.POST('/auth/dev-token', { body: { rol: 'deelnemer', deelnemer: id } }));
      inloggen(sessieUitToken(token, 'demo', { organisatieNaam: 'het samenwerkingsverband' }));
      naInloggen();
    } catch (error) {
      zetFout(
        error instanceof ApiFout && error.code === 'AUTH.DEELNEMER_UNKNOWN'
          ? new ApiFout(404, error.code, 'Dit deelnemernummer kennen wij niet.')
          : error instanceof ApiFout
            ? error
            : new ApiFout(0, undefined, 'Inloggen is niet gelukt.'),
      );
      zetBezig(false);
    }
  };
  return (
    <form onSubmit={verstuur} noValidate className="kr-formulier">
      {fout && <FoutMelding fout={fout} />}
      <Fieldset>
        <FieldsetLegend>Als deelnemer</FieldsetLegend>
        <Veld id="deelnemer" label="Deelnemernummer" beschrijving="U vindt het in de brief over uw aanmelding." fout={veldFout}>
          {(aria) => <Textbox {...aria} value={deelnemer} onChange={(e) => zetDeelnemer(e.target.value)} autoComplete="off" spellCheck={false} />}
        </Veld>
      </Fieldset>
      <Button type="submit" appearance="secondary-action-button" busy={bezig}>
        Mijn gegevens bekijken
      </Button>
    </form>
  );
}

/** Distributed mode: the organisation's identity provider (OpenID Connect, code flow with PKCE). */
function OidcInloggen({ config }: { readonly config: PortalConfig }) {
  const [fout, zetFout] = useState<string>();
  if (!config.oidc) {
    return (
      <Paragraph>
        Inloggen is op deze installatie nog niet ingericht: de beheerder moet het portaal registreren bij de identiteitsprovider (PORTAL_OIDC_CLIENT_ID).
      </Paragraph>
    );
  }
  const oidc = config.oidc;
  return (
    <>
      <Paragraph>U logt in bij de identiteitsprovider van uw organisatie en komt daarna hier terug.</Paragraph>
      {fout && <FoutMelding fout={new ApiFout(0, undefined, fout)} />}
      <Button
        appearance="primary-action-button"
        onClick={() => {
          import('../auth/oidc')
            .then((m) => m.startOidcInloggen(oidc))
            .catch(() => zetFout('De identiteitsprovider is niet bereikbaar. Probeer het later opnieuw.'));
        }}
      >
        Inloggen bij uw organisatie
      </Button>
    </>
  );
}
