import { authConfigSchema, httpConfigSchema, modeConfigSchema, temporalConfigSchema } from '@ketenregie/shared-platform';
import { z } from 'zod';
import { GATEWAY_SERVICES, type ServiceName, type ServiceUrls } from './route-table';

const serviceUrlShape = Object.fromEntries(
  Object.values(GATEWAY_SERVICES).map(({ urlKey, defaultUrl }) => [urlKey, z.url({ protocol: /^https?$/ }).default(defaultUrl)]),
) as Record<(typeof GATEWAY_SERVICES)[ServiceName]['urlKey'], z.ZodDefault<z.ZodURL>>;

/** The gateway's environment. */
export const gatewayConfigSchema = z.object({
  ...httpConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ...modeConfigSchema.shape,
  ...temporalConfigSchema.shape,
  ...authConfigSchema.shape,
  /** Embedded mode keeps its signing key under `<KETENREGIE_DATA_DIR>/auth`. */
  KETENREGIE_DATA_DIR: z.string().min(1).default('.data'),
  /** The built portal (apps/portal) the gateway serves at `/`. */
  PORTAL_DIR: z.string().min(1).default('dist/apps/portal'),
  /** Distributed mode: the portal's public OIDC client id at the provider named by AUTH_ISSUER. */
  PORTAL_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Scopes the portal asks for; the access token must carry Ketenregie's claims. */
  PORTAL_OIDC_SCOPE: z.string().min(1).default('openid'),
  ...serviceUrlShape,
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** Base URL of every routed service, without a trailing slash. */
export function serviceUrls(config: GatewayConfig): ServiceUrls {
  return Object.fromEntries(
    (Object.keys(GATEWAY_SERVICES) as ServiceName[]).map((name) => [name, config[GATEWAY_SERVICES[name].urlKey].replace(/\/+$/, '')]),
  ) as ServiceUrls;
}
