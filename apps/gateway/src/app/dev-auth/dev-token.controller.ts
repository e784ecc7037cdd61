import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError, ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON, ValidationError } from '@ketenregie/shared-kernel';
import {
  callService,
  deelnemerIdentiteit,
  EmbeddedSigner,
  ORGANISATIE_REGISTER,
  type OrganisatieRegister,
  ROLLEN,
  unavailable,
} from '@ketenregie/shared-platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ServiceUrls } from '../route-table';
import { SERVICE_URLS } from '../tokens';
import { ROLLEN_PER_ORGANISATIE_TYPE, rolPastBijType } from '@ketenregie/shared-access-policy';

/** The gateway's client id when it asks the services with its own service token. */
const GATEWAY_CLIENT_ID = 'ketenregie-gateway';
const TIMEOUT_MS = 3_000;
const trajectOnbereikbaar = unavailable(
  'AUTH.DEELNEMER_CHECK_UNAVAILABLE',
  'The traject context (traject-service) cannot say whether the deelnemer exists. Try again later.',
);

/** Injection token of the embedded {@link EmbeddedSigner}. */
export const EMBEDDED_SIGNER = Symbol('EMBEDDED_SIGNER');

const devTokenRequestSchema = z
  .object({
    organisatie: z
      .string()
      .max(ORGANISATIE_ID_MAX)
      .regex(ORGANISATIE_ID_PATROON, 'organisation id of the registry')
      .optional()
      .describe('Organisation id from GET /api/v1/organisaties (a professional)'),
    rol: z.enum(ROLLEN).describe('Role of the person; must fit the organisation type'),
    deelnemer: z.uuid().optional().describe('With rol "deelnemer": the demo deelnemer who signs in'),
  })
  .strict()
  .refine(
    (b) => (b.rol === 'deelnemer' ? b.deelnemer !== undefined && b.organisatie === undefined : b.organisatie !== undefined && b.deelnemer === undefined),
    {
      message: 'a deelnemer signs in with "deelnemer" (their id); a professional with "organisatie"',
    },
  );
const devTokenResponseSchema = z.object({ token: z.string().describe('Bearer token (JWT) for the Ketenregie API') });

class DevTokenRequestDto extends createZodDto(devTokenRequestSchema) {}
class DevTokenResponseDto extends createZodDto(devTokenResponseSchema) {}

/**
 * Embedded mode only: tokens for the demo organisations, signed with the gateway's key, and
 * the key set services verify them with. Not registered at all outside embedded mode.
 */
@ApiTags('auth (embedded mode)')
@Controller('auth')
export class DevTokenController {
  constructor(
    @Inject(EMBEDDED_SIGNER) private readonly signer: EmbeddedSigner,
    @Inject(ORGANISATIE_REGISTER) private readonly register: OrganisatieRegister,
    @Inject(SERVICE_URLS) private readonly urls: ServiceUrls,
  ) {}

  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a person of a registered organisation (embedded mode only)', security: [] })
  @ApiOkResponse({ type: DevTokenResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid body, or the role does not fit the organisation type (problem+json)' })
  @ApiNotFoundResponse({ description: 'AUTH.ORGANISATIE_UNKNOWN or AUTH.DEELNEMER_UNKNOWN (problem+json)' })
  async issue(@Body() body: DevTokenRequestDto): Promise<{ token: string }> {
    if (body.rol === 'deelnemer' && body.deelnemer) {
      // The demo login of a deelnemer: the token's deelnemer id is decided here, as DigiD via an
      // OIDC provider would in distributed mode; no organisation, no organisation type. Only a
      // deelnemer the traject context holds signs in.
      const deelnemer = deelnemerIdentiteit(body.deelnemer);
      await this.eisBestaandeDeelnemer(deelnemer);
      return { token: await this.signer.sign(deelnemer) };
    }
    const organisatie = { id: body.organisatie ?? '', type: await this.register.typeVan(body.organisatie ?? '') };
    if (!organisatie.type) {
      throw new NotFoundError({
        code: 'AUTH.ORGANISATIE_UNKNOWN',
        detail: `The organisation registry has no organisation "${organisatie.id}".`,
        fields: { organisatie: 'unknown organisation' },
      });
    }
    if (!rolPastBijType(body.rol, organisatie.type)) {
      const allowed = ROLLEN_PER_ORGANISATIE_TYPE[organisatie.type].join(', ');
      throw new ValidationError({
        code: 'AUTH.ROL_NOT_ALLOWED',
        detail: `Role "${body.rol}" does not fit a ${organisatie.type}; allowed: ${allowed}.`,
        fields: { rol: `must be one of ${allowed}` },
      });
    }
    const token = await this.signer.sign({
      sub: `dev:${organisatie.id}:${body.rol}`,
      organisatie: organisatie.id,
      organisatieType: organisatie.type,
      rol: body.rol,
    });
    return { token };
  }

  /**
   * Asks traject-service whether the deelnemer exists, with the gateway's own service token
   * acting for the deelnemer who signs in (the traject context's fact, never the request's).
   * @throws NotFoundError `AUTH.DEELNEMER_UNKNOWN` when it does not; 503 when traject-service cannot answer.
   */
  private async eisBestaandeDeelnemer(deelnemer: { sub: string; organisatie: string; rol: 'deelnemer'; deelnemerId: string }): Promise<void> {
    const token = await this.signer.signServiceToken({ clientId: GATEWAY_CLIENT_ID, namens: deelnemer }, 60);
    const response = await callService(`${this.urls['traject-service']}/api/v1/deelnemers/${encodeURIComponent(deelnemer.deelnemerId)}/bestaan`, {
      bearer: token,
      timeoutMs: TIMEOUT_MS,
      unreachable: trajectOnbereikbaar,
    });
    if (response.status === 404) {
      throw new NotFoundError({ code: 'AUTH.DEELNEMER_UNKNOWN', detail: 'There is no deelnemer with this id.', fields: { deelnemer: 'unknown deelnemer' } });
    }
    if (!response.ok) throw trajectOnbereikbaar(new Error(`HTTP ${response.status}`));
  }

  @Get('jwks.json')
  @ApiOperation({ summary: 'JSON Web Key Set the services verify tokens with (embedded mode only)', security: [] })
  jwks(): ReturnType<EmbeddedSigner['jwks']> {
    return this.signer.jwks();
  }
}
