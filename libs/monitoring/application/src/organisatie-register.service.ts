import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@ketenregie/shared-kernel';
import { assertOrganisatie, assertStuurgroep, Organisatie, Stuurgroep } from '@ketenregie/monitoring-domain';
import type { OrganisatieRepository, StuurgroepRepository } from './registry.ports';
import { ORGANISATIE_REPOSITORY, STUURGROEP_REPOSITORY } from './registry.tokens';

/** A stuurgroep with its member organisations resolved from the registry. */
export interface StuurgroepMetLeden {
  readonly id: string;
  readonly naam: string;
  readonly leden: readonly Organisatie[];
}

/** What a registration run changed. */
export interface RegistratieResultaat {
  readonly organisatiesToegevoegd: number;
  readonly stuurgroepenToegevoegd: number;
}

/** Use cases of the partnership's organisation registry. */
@Injectable()
export class OrganisatieRegisterService {
  constructor(
    @Inject(ORGANISATIE_REPOSITORY) private readonly organisaties: OrganisatieRepository,
    @Inject(STUURGROEP_REPOSITORY) private readonly stuurgroepen: StuurgroepRepository,
  ) {}

  list(): Promise<Organisatie[]> {
    return this.organisaties.list();
  }

  /** @throws NotFoundError `MONITORING.ORGANISATIE_NOT_FOUND`. */
  async get(id: string): Promise<Organisatie> {
    const organisatie = await this.organisaties.findById(id);
    if (!organisatie) throw new NotFoundError({ code: 'MONITORING.ORGANISATIE_NOT_FOUND', detail: 'No such organisation is registered.' });
    return organisatie;
  }

  async listStuurgroepen(): Promise<StuurgroepMetLeden[]> {
    const [stuurgroepen, organisaties] = await Promise.all([this.stuurgroepen.list(), this.organisaties.list()]);
    const byId = new Map(organisaties.map((o) => [o.id, o]));
    return stuurgroepen.map((s) => ({ id: s.id, naam: s.naam, leden: s.leden.flatMap((id) => byId.get(id) ?? []) }));
  }

  /**
   * Registers organisations and stuurgroepen that are not registered yet, leaving existing
   * entries as they are; running it again changes nothing (how the demo region is seeded).
   * @throws ValidationError when an entry breaks the registry rules (nothing is written then).
   */
  async registerMissing(organisaties: readonly Organisatie[], stuurgroepen: readonly Stuurgroep[] = []): Promise<RegistratieResultaat> {
    const valid = organisaties.map(assertOrganisatie);
    const known = new Set([...(await this.organisaties.list()).map((o) => o.id), ...valid.map((o) => o.id)]);
    const validStuurgroepen = stuurgroepen.map((s) => assertStuurgroep(s, known));
    const organisatiesToegevoegd = await this.organisaties.insertMissing(valid);
    let stuurgroepenToegevoegd = 0;
    for (const stuurgroep of validStuurgroepen) if (await this.stuurgroepen.insertIfMissing(stuurgroep)) stuurgroepenToegevoegd += 1;
    return { organisatiesToegevoegd, stuurgroepenToegevoegd };
  }
}
