import { isDomainError } from '@ketenregie/shared-kernel';
import type { Organisatie, Stuurgroep } from '@ketenregie/monitoring-domain';
import type { OrganisatieRepository, StuurgroepRepository } from './registry.ports';
import { OrganisatieRegisterService } from './organisatie-register.service';

class MemoryOrganisaties implements OrganisatieRepository {
  readonly rows = new Map<string, Organisatie>();
  async list() {
    return [...this.rows.values()].sort((a, b) => a.type.localeCompare(b.type) || a.naam.localeCompare(b.naam));
  }
  async findById(id: string) {
    return this.rows.get(id);
  }
  async insertMissing(organisaties: readonly Organisatie[]) {
    const fresh = organisaties.filter((o) => !this.rows.has(o.id));
    for (const o of fresh) this.rows.set(o.id, o);
    return fresh.length;
  }
}

class MemoryStuurgroepen implements StuurgroepRepository {
  readonly rows = new Map<string, Stuurgroep>();
  async list() {
    return [...this.rows.values()];
  }
  async insertIfMissing(s: Stuurgroep) {
    if (this.rows.has(s.id)) return false;
    this.rows.set(s.id, s);
    return true;
  }
}

const region: Organisatie[] = [
  { id: 'gemeente-a', naam: 'Gemeente A', type: 'gemeente' },
  { id: 'werkbrug', naam: 'Werkbrug', type: 'uitvoerder' },
];

describe('OrganisatieRegisterService', () => {
  it('registers a region once: a second run changes nothing', async () => {
    const service = new OrganisatieRegisterService(new MemoryOrganisaties(), new MemoryStuurgroepen());
    const stuurgroep = { id: 'sg', naam: 'Stuurgroep', leden: ['gemeente-a', 'werkbrug'] };
    expect(await service.registerMissing(region, [stuurgroep])).toEqual({ organisatiesToegevoegd: 2, stuurgroepenToegevoegd: 1 });
    expect(await service.registerMissing(region, [stuurgroep])).toEqual({ organisatiesToegevoegd: 0, stuurgroepenToegevoegd: 0 });
    expect(await service.listStuurgroepen()).toEqual([{ id: 'sg', naam: 'Stuurgroep', leden: region }]);
  });

  it('writes nothing when one entry is invalid', async () => {
    const organisaties = new MemoryOrganisaties();
    const service = new OrganisatieRegisterService(organisaties, new MemoryStuurgroepen());
    await expect(service.registerMissing(region, [{ id: 'sg', naam: 'S', leden: ['gemeente-a', 'ggz-onbekend'] }])).rejects.toMatchObject({
      code: 'MONITORING.STUURGROEP_INVALID',
    });
    expect(organisaties.rows.size).toBe(0);
  });

  it('reports an unknown organisation as not found', async () => {
    const service = new OrganisatieRegisterService(new MemoryOrganisaties(), new MemoryStuurgroepen());
    const error = await service.get('bestaat-niet').catch((e: unknown) => e);
    expect(isDomainError(error) && error.kind).toBe('not-found');
    expect(isDomainError(error) && error.code).toBe('MONITORING.ORGANISATIE_NOT_FOUND');
  });
});
