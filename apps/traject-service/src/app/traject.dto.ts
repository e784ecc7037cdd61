import { caseloadOverdrachtSchema, deelnemerAanmakenSchema, trajectStartenSchema } from '@ketenregie/traject-contracts';
import { createZodDto } from 'nestjs-zod';

/** Body of `POST /deelnemers`. */
export class DeelnemerAanmakenDto extends createZodDto(deelnemerAanmakenSchema) {}
/** Body of `POST /trajecten`. */
export class TrajectStartenDto extends createZodDto(trajectStartenSchema) {}
/** Body of `POST /caseload-overdrachten`. */
export class CaseloadOverdrachtDto extends createZodDto(caseloadOverdrachtSchema) {}
