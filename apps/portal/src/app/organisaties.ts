import { api, type Schemas } from '../api/client';
import { verwacht } from '../api/fouten';
import { organisatieTypeLabel } from '../format/labels';

export type Organisatie = Schemas['OrganisatieDto'];

/** The region's organisations from the registry, by id. */
export async function laadOrganisaties(): Promise<ReadonlyMap<string, Organisatie>> {
  const lijst = await verwacht(api.GET('/api/v1/organisaties'));
  return new Map(lijst.map((o) => [o.id, o]));
}

/** An organisation's name for people; an id the registry does not know stays readable as "een … ". */
export function organisatieNaam(organisaties: ReadonlyMap<string, Organisatie>, id: string, type?: string): string {
  return organisaties.get(id)?.naam ?? (type ? `een ${organisatieTypeLabel(type).toLowerCase()}` : 'een andere organisatie');
}
