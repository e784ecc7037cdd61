import { ORGANISATIE_TYPES } from '@ketenregie/shared-kernel';
import { z } from 'zod';

/** Path of the public organisation registry (served by monitor-service, routed by the gateway). */
export const ORGANISATIES_PATH = '/api/v1/organisaties';
/** Path of the stuurgroepen resource (authenticated). */
export const STUURGROEPEN_PATH = '/api/v1/stuurgroepen';

/** One organisation as the registry publishes it: `GET /api/v1/organisaties[/{id}]`. */
export const organisatieSchema = z.object({
  id: z.string().describe('Stable organisation id; the `organisatie` claim of tokens'),
  naam: z.string().describe('Display name'),
  type: z.enum(ORGANISATIE_TYPES).describe('Kind of organisation'),
});

/** The registry listing: every partner organisation, ordered by type then name. */
export const organisatieLijstSchema = z.array(organisatieSchema);

/** One stuurgroep with its member organisations: `GET /api/v1/stuurgroepen`. */
export const stuurgroepSchema = z.object({
  id: z.string(),
  naam: z.string(),
  leden: z.array(organisatieSchema).describe('Member organisations'),
});

export type OrganisatieDto = z.infer<typeof organisatieSchema>;
export type StuurgroepDto = z.infer<typeof stuurgroepSchema>;
