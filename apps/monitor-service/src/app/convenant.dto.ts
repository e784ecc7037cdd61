import {
  afsprakenRapportSchema,
  convenantAanmakenSchema,
  convenantSchema,
  convenantVersieSchema,
  convenantWijzigenSchema,
} from '@ketenregie/monitoring-contracts';
import { createZodDto } from 'nestjs-zod';

/** Body of `POST /convenanten`. */
export class ConvenantAanmakenDto extends createZodDto(convenantAanmakenSchema) {}
/** Body of `POST /convenanten/{id}/versies`. */
export class ConvenantWijzigenDto extends createZodDto(convenantWijzigenSchema) {}
/** A convenant as served. */
export class ConvenantDto extends createZodDto(convenantSchema) {}
/** One version as served. */
export class ConvenantVersieDto extends createZodDto(convenantVersieSchema) {}
/** Commitments per partner beside the figures. */
export class AfsprakenRapportDto extends createZodDto(afsprakenRapportSchema) {}
