import {
  caseloadOverdrachtSchema,
  deelnemerAanmakenSchema,
  programmaAanmakenSchema,
  programmaVersieInvoerSchema,
  trajectLijstQuerySchema,
  trajectStartenSchema,
} from '@ketenregie/traject-contracts';
import { ontvangerVastleggenSchema } from '@ketenregie/shared-platform';
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
