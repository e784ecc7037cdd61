import {
  aangemaaktSchema,
  caseloadOverdrachtSchema,
  deelnemerBetrokkenheidSchema,
  deelnemerWeergaveSchema,
  programmaSamenvattingSchema,
  programmaVersiesSchema,
  programmaVersieWeergaveSchema,
  programmaWeergaveSchema,
  signalenSchema,
  takenSchema,
  tijdlijnSchema,
  trajectBetrokkenheidSchema,
  trajectenPaginaSchema,
  trajectOverzichtSchema,
  trajectVerloopSchema,
  deelnemerAanmakenSchema,
  programmaAanmakenSchema,
  programmaVersieInvoerSchema,
  trajectLijstQuerySchema,
  trajectStartenSchema,
} from '@ketenregie/traject-contracts';
import { ontvangerVastleggenSchema } from '@ketenregie/shared-platform';
import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';

/** Body of `POST /deelnemers`. */
export class DeelnemerAanmakenDto extends createZodDto(deelnemerAanmakenSchema) {}
/** Body of `POST /trajecten`. */
export class TrajectStartenDto extends createZodDto(trajectStartenSchema) {}
/** Body of `POST /caseload-overdrachten`. */
export class CaseloadOverdrachtDto extends createZodDto(caseloadOverdrachtSchema) {}
/** Body of `POST /programmas`: a new programme with its first version. */
export class ProgrammaAanmakenDto extends createZodDto(programmaAanmakenSchema) {}
/** Body of `POST /programmas/{code}/versies`. */
export class ProgrammaVersieDto extends createZodDto(programmaVersieInvoerSchema) {}
/** Body of `POST /deelnemers/{id}/ontvangers` (exchange-service only). */
export class OntvangerVastleggenDto extends createZodDto(ontvangerVastleggenSchema) {}
/** Query of `GET /trajecten`. */
export class TrajectLijstQueryDto extends createZodDto(trajectLijstQuerySchema) {}

/** Response of `POST /deelnemers` and `GET /deelnemers/{id}/bestaan`. */
export class AangemaaktDto extends createZodDto(aangemaaktSchema) {}
/** One programme of `GET /programmas`. */
export class ProgrammaSamenvattingDto extends createZodDto(programmaSamenvattingSchema) {}
/** One version of a programme. */
export class ProgrammaVersieWeergaveDto extends createZodDto(programmaVersieWeergaveSchema) {}
/** Response of `GET /programmas/{code}`. */
export class ProgrammaWeergaveDto extends createZodDto(programmaWeergaveSchema) {}
/** Response of `GET /programmas/{code}/versies`. */
export class ProgrammaVersiesDto extends createZodDto(programmaVersiesSchema) {}
/** Response of `GET /deelnemers/{id}`. */
export class DeelnemerWeergaveDto extends createZodDto(deelnemerWeergaveSchema) {}
/** Response of `GET /deelnemers/{id}/betrokkenheid`. */
export class DeelnemerBetrokkenheidDto extends createZodDto(deelnemerBetrokkenheidSchema) {}
/** Response of `GET /trajecten/{id}`, and one of `GET /deelnemers/{id}/trajecten`. */
export class TrajectOverzichtDto extends createZodDto(trajectOverzichtSchema) {}
/**
 * Response of `POST /trajecten` (`trajectGestartSchema`): the new traject's id and its overview.
 * Declared property by property, so that its `overzicht` refers to the `TrajectOverzichtDto`
 * schema in the OpenAPI document instead of repeating it (a zod schema with an `id` cannot also be
 * the root of a DTO).
 */
export class TrajectGestartDto {
  @ApiProperty({ type: String })
  readonly id!: string;
  @ApiProperty({ type: () => TrajectOverzichtDto })
  readonly overzicht!: TrajectOverzichtDto;
}
/** Response of `GET /trajecten/{id}/betrokkenheid`. */
export class TrajectBetrokkenheidDto extends createZodDto(trajectBetrokkenheidSchema) {}
/** Response of `GET /trajecten`. */
export class TrajectenPaginaDto extends createZodDto(trajectenPaginaSchema) {}
/** Response of `GET /trajecten/{id}/verloop`. */
export class TrajectVerloopDto extends createZodDto(trajectVerloopSchema) {}
/** Response of `GET /trajecten/{id}/tijdlijn`. */
export class TijdlijnDto extends createZodDto(tijdlijnSchema) {}
/** Response of `GET /taken`. */
export class TakenDto extends createZodDto(takenSchema) {}
/** Response of `GET /signalen`. */
export class SignalenDto extends createZodDto(signalenSchema) {}
