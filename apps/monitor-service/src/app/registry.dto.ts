import { organisatieSchema, stuurgroepSchema } from '@ketenregie/monitoring-contracts';
import { createZodDto } from 'nestjs-zod';

/** OpenAPI/validation class of {@link organisatieSchema}. */
export class OrganisatieDto extends createZodDto(organisatieSchema) {}

/** OpenAPI/validation class of {@link stuurgroepSchema}. */
export class StuurgroepDto extends createZodDto(stuurgroepSchema) {}
