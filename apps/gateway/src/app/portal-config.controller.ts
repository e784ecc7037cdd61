import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OrganisatieType, Rol } from '@ketenregie/shared-platform';
import { ROLLEN_PER_ORGANISATIE_TYPE } from '@ketenregie/shared-access-policy';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG } from './tokens';

/** What the portal needs to know before anyone signs in. */
export interface PortalConfig {
  /** `embedded`: sign in with a demo organisation and role; `distributed`: OpenID Connect. */
  readonly modus: 'embedded' | 'distributed';
  /** Embedded mode: the roles a demo token may carry per organisation type (what POST /auth/dev-token accepts). */
  readonly demo?: { readonly rollenPerOrganisatieType: Readonly<Record<OrganisatieType, readonly Rol[]>> };
  /** Distributed mode: the OIDC provider and the portal's public client (authorization code + PKCE). */
  readonly oidc?: { readonly issuer: string; readonly clientId: string; readonly scope: string };
}

/** `GET /portal-config.json`: the mode and, in distributed mode, the portal's OIDC client. */
@ApiExcludeController()
@Controller()
export class PortalConfigController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get('portal-config.json')
  portalConfig(): PortalConfig {
    if (this.config.KETENREGIE_MODE === 'embedded') return { modus: 'embedded', demo: { rollenPerOrganisatieType: ROLLEN_PER_ORGANISATIE_TYPE } };
    const clientId = this.config.PORTAL_OIDC_CLIENT_ID;
    return clientId
      ? { modus: 'distributed', oidc: { issuer: this.config.AUTH_ISSUER, clientId, scope: this.config.PORTAL_OIDC_SCOPE } }
      : { modus: 'distributed' };
  }
}
