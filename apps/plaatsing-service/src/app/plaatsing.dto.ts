import {
  plaatsingSchema,
  plaatsingTakenSchema,
  vacatureInvoerSchema,
  vacatureSchema,
  voordrachtSchema,
  werkgeverInvoerSchema,
  werkgeverSchema,
  werkgeversoverzichtSchema,
} from '@ketenregie/plaatsing-contracts';
import { createZodDto } from 'nestjs-zod';

export class WerkgeverInvoerDto extends createZodDto(werkgeverInvoerSchema) {}
export class WerkgeverDto extends createZodDto(werkgeverSchema) {}
export class VacatureInvoerDto extends createZodDto(vacatureInvoerSchema) {}
export class VacatureDto extends createZodDto(vacatureSchema) {}
export class VoordrachtDto extends createZodDto(voordrachtSchema) {}
export class PlaatsingDto extends createZodDto(plaatsingSchema) {}
export class PlaatsingTakenDto extends createZodDto(plaatsingTakenSchema) {}
export class WerkgeversoverzichtDto extends createZodDto(werkgeversoverzichtSchema) {}
