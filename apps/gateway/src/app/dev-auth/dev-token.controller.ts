import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ORGANISATIE_ID_MAX, ORGANISATIE_ID_PATROON, ValidationError } from '@ketenregie/shared-kernel';
import { EmbeddedSigner, ROLLEN } from '@ketenregie/shared-platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { RegistryClient } from '../registry.client';
import { ROLLEN_PER_ORGANISATIE_TYPE, rolPastBijType } from '@ketenregie/shared-access-policy';

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
    private readonly registry: RegistryClient,
  ) {}

  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a person of a registered organisation (embedded mode only)', security: [] })
  @ApiOkResponse({ type: DevTokenResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid body, or the role does not fit the organisation type (problem+json)' })
  @ApiNotFoundResponse({ description: 'AUTH.ORGANISATIE_UNKNOWN (problem+json)' })
  async issue(@Body() body: DevTokenRequestDto): Promise<{ token: string }> {
    if (body.rol === 'deelnemer' && body.deelnemer) {
      // The demo login of a deelnemer: the token's deelnemer id is decided here, as DigiD via an
      // OIDC provider would in distributed mode; no organisation, no organisation type.
      return {
        token: await this.signer.sign({
          sub: `deelnemer:${body.deelnemer}`,
          organisatie: `deelnemer:${body.deelnemer}`,
          rol: 'deelnemer',
          deelnemerId: body.deelnemer,
        }),
      };
    }
    const organisatie = await this.registry.get(body.organisatie ?? '');
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

  @Get('jwks.json')
  @ApiOperation({ summary: 'JSON Web Key Set the services verify tokens with (embedded mode only)', security: [] })
  jwks(): ReturnType<EmbeddedSigner['jwks']> {
    return this.signer.jwks();
  }
}
