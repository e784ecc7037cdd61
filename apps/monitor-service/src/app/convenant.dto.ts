import {
  afsprakenRapportSchema,
  convenantAanmakenSchema,
  convenantSchema,
  convenantVersieSchema,
  convenantWijzigenSchema,
  inzetLijstSchema,
  inzetRegistrerenSchema,
  inzetSchema,
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
/** Body of `POST /convenanten/{id}/inzet`. */
export class InzetRegistrerenDto extends createZodDto(inzetRegistrerenSchema) {}
/** One registration of hours as served. */
export class InzetDto extends createZodDto(inzetSchema) {}
/** The registrations of hours the caller may read. */
export class InzetLijstDto extends createZodDto(inzetLijstSchema) {}
