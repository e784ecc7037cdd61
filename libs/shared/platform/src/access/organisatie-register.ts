import { NotFoundError, ORGANISATIE_TYPES } from '@ketenregie/shared-kernel';
import type { OrganisatieType } from '@ketenregie/shared-kernel';
import { z } from 'zod';
import { callService, unavailable } from '../http/service-call';

/** Path of the public organisation registry that monitor-service owns. */
export const ORGANISATIE_REGISTER_PATH = '/api/v1/organisaties';

/** The organisation types the registry holds: the one source of an organisation's type. */
export interface OrganisatieRegister {
  /**
   * The type of `organisatieId`, or undefined when the registry does not know it.
   * @throws DomainError `TOEGANG.REGISTER_ONBEREIKBAAR` (503) when the registry cannot be reached.
   */
  typeVan(organisatieId: string): Promise<OrganisatieType | undefined>;
  /** The name of `organisatieId` for people, when the registry holds one (a timeline shows it instead of the id). */
  naamVan?(organisatieId: string): Promise<string | undefined>;
}

/** Injection token of the {@link OrganisatieRegister}. */
export const ORGANISATIE_REGISTER = Symbol('ORGANISATIE_REGISTER');

const lijstSchema = z.array(z.object({ id: z.string(), type: z.enum(ORGANISATIE_TYPES), naam: z.string().optional() }));

/** The registry cannot be reached, so no access decision can be made (503). */
export const registerOnbereikbaar = unavailable(
  'TOEGANG.REGISTER_ONBEREIKBAAR',
  'The organisation registry cannot be reached, so access cannot be decided. Try again later.',
);

/**
 * {@link OrganisatieRegister} over monitor-service's `GET /api/v1/organisaties`, cached for
 * `ttlMs`. An unknown organisation refreshes the cache once (at most every `ttlMs / 10`), so a
 * partner added to the registry is known without a restart. When the registry is unreachable a
 * cached answer younger than `staleMs` is used, else the caller gets 503.
 */
export class HttpOrganisatieRegister implements OrganisatieRegister {
  private cache?: { readonly typen: ReadonlyMap<string, OrganisatieType>; readonly op: number };
  private namen: ReadonlyMap<string, string> = new Map();
  private lopend?: Promise<ReadonlyMap<string, OrganisatieType>>;

  constructor(
    private readonly monitorServiceUrl: string,
    private readonly ttlMs = 60_000,
    private readonly staleMs = 15 * 60_000,
    private readonly timeoutMs = 3_000,
  ) {}

  async typeVan(organisatieId: string): Promise<OrganisatieType | undefined> {
    const nu = Date.now();
    let typen = this.cache && nu - this.cache.op < this.ttlMs ? this.cache.typen : await this.haal();
    if (!typen.has(organisatieId) && this.cache && nu - this.cache.op > this.ttlMs / 10) typen = await this.haal();
    return typen.get(organisatieId);
  }

  async naamVan(organisatieId: string): Promise<string | undefined> {
    await this.typeVan(organisatieId);
    return this.namen.get(organisatieId);
  }

  private haal(): Promise<ReadonlyMap<string, OrganisatieType>> {
    this.lopend ??= this.laad().finally(() => (this.lopend = undefined));
    return this.lopend;
  }

  private async laad(): Promise<ReadonlyMap<string, OrganisatieType>> {
    try {
      const res = await callService(`${this.monitorServiceUrl}${ORGANISATIE_REGISTER_PATH}`, { timeoutMs: this.timeoutMs, unreachable: registerOnbereikbaar });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const lijst = lijstSchema.parse(await res.json());
      const typen = new Map(lijst.map((o) => [o.id, o.type] as const));
      this.namen = new Map(lijst.flatMap((o) => (o.naam ? [[o.id, o.naam] as const] : [])));
      this.cache = { typen, op: Date.now() };
      return typen;
    } catch (cause) {
      if (this.cache && Date.now() - this.cache.op < this.staleMs) return this.cache.typen;
      throw registerOnbereikbaar(cause);
    }
  }
}

/** The type of an organisation a request names (a recipient), from the registry. */
export async function vereisBekendeOrganisatie(register: OrganisatieRegister, organisatieId: string, veld: string): Promise<OrganisatieType> {
  const type = await register.typeVan(organisatieId);
  if (!type)
    throw new NotFoundError({
      code: 'TOEGANG.ORGANISATIE_ONBEKEND',
      detail: `The organisation registry has no organisation "${organisatieId}".`,
      fields: { [veld]: 'unknown organisation' },
    });
  return type;
}

/** A fixed {@link OrganisatieRegister} (tests, and a process that holds the registry itself). */
export function vastOrganisatieRegister(typen: Readonly<Record<string, OrganisatieType>>, namen: Readonly<Record<string, string>> = {}): OrganisatieRegister {
  return {
    typeVan: async (id) => (Object.hasOwn(typen, id) ? typen[id] : undefined),
    naamVan: async (id) => (Object.hasOwn(namen, id) ? namen[id] : undefined),
  };
}
