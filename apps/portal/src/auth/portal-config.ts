/** The gateway's `GET /portal-config.json`: how people sign in here. */
export interface PortalConfig {
  readonly modus: 'embedded' | 'distributed';
  /** Embedded mode: the roles a demo token may carry per organisation type. */
  readonly demo?: { readonly rollenPerOrganisatieType: Readonly<Record<string, readonly string[]>> };
  /** Distributed mode: the OIDC provider and the portal's public client. */
  readonly oidc?: { readonly issuer: string; readonly clientId: string; readonly scope: string };
}

let geladen: Promise<PortalConfig> | undefined;

/** The portal configuration, fetched once per page load. */
export function portalConfig(): Promise<PortalConfig> {
  geladen ??= fetch('/portal-config.json', { headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`De configuratie van het portaal is niet beschikbaar (${response.status}).`);
    return (await response.json()) as PortalConfig;
  });
  return geladen;
}
