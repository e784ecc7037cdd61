import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { codecServer, KluisPayloadCodec, Sleutelkluis } from '@ketenregie/shared-crypto';
import { CurrentIdentity, Identity, Toegang } from '@ketenregie/shared-platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const base64 = z
  .string()
  .max(4_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** Temporal's codec server protocol: `{ payloads: [{ metadata: { key: base64 }, data: base64 }] }`. */
export class CodecDto extends createZodDto(
  z
    .object({
      payloads: z.array(z.object({ metadata: z.record(z.string().max(200), base64).optional(), data: base64.optional() }).strict()).max(1000),
    })
    .strict(),
) {}

/**
 * The payload codec as a codec server (Temporal's protocol: `POST <endpoint>/encode`, `/decode`),
 * so an operator who is allowed to (the gemeente's fg, access rule `codec.gebruiken`) can read
 * workflow histories in Temporal's tooling: the codec endpoint is `<gateway>/api/v1/codec`. A
 * payload of an erased deelnemer does not decode (500); one that was never encoded is returned
 * as it is.
 */
@ApiTags('codec')
@Controller('codec')
export class CodecController {
  private readonly codec: KluisPayloadCodec;

  constructor(
    @Inject(Sleutelkluis) kluis: Sleutelkluis,
    private readonly toegang: Toegang,
  ) {
    this.codec = new KluisPayloadCodec(kluis, async () => undefined);
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: "Decode Temporal payloads (codec server protocol) for the gemeente's fg" })
  decode(@Body() body: CodecDto, @CurrentIdentity() door: Identity) {
    return this.voerUit('decode', body, door);
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: "Encode Temporal payloads (codec server protocol, system key) for the gemeente's fg" })
  encode(@Body() body: CodecDto, @CurrentIdentity() door: Identity) {
    return this.voerUit('encode', body, door);
  }

  private async voerUit(richting: 'decode' | 'encode', body: CodecDto, door: Identity) {
    await this.toegang.eis(door, 'codec.gebruiken');
    return codecServer(this.codec, richting, body.payloads);
  }
}
