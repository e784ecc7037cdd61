import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import type { DataSource } from 'typeorm';
import { MONITORING_MIGRATIONS, MONITORING_SCHEMA, SqlOrganisatieRepository, SqlStuurgroepRepository } from './index';

// On PostgreSQL: DATABASE_URL's server, else the embedded one (a fresh database per run).
describeEachDatabase('monitoring registry repositories', (db) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: db.url, schema: MONITORING_SCHEMA, migrations: MONITORING_MIGRATIONS, poolSize: 2 });
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('inserts only missing organisations and lists them by type and name', async () => {
    const repo = new SqlOrganisatieRepository(dataSource);
    const first = await repo.insertMissing([
      { id: 'werkbrug', naam: 'Stichting Werkbrug', type: 'uitvoerder' },
      { id: 'gemeente-a', naam: 'Gemeente A', type: 'gemeente' },
      { id: 'aanpak', naam: 'Aanpak B.V.', type: 'uitvoerder' },
    ]);
    expect(first).toBe(3);
    const again = await repo.insertMissing([
      { id: 'werkbrug', naam: 'Renamed by a second seed', type: 'uitvoerder' },
      { id: 'ggz-c', naam: 'GGZ C', type: 'ggz' },
    ]);
    expect(again).toBe(1);
    expect((await repo.list()).map((o) => o.id)).toEqual(['gemeente-a', 'ggz-c', 'aanpak', 'werkbrug']);
    expect(await repo.findById('werkbrug')).toEqual({ id: 'werkbrug', naam: 'Stichting Werkbrug', type: 'uitvoerder' });
    expect(await repo.findById('onbekend')).toBeUndefined();
  });

  it('rejects an organisation type the registry does not know (database constraint)', async () => {
    const repo = new SqlOrganisatieRepository(dataSource);
    await expect(repo.insertMissing([{ id: 'x', naam: 'X', type: 'bank' as never }])).rejects.toThrow(/check constraint/);
  });

  it('stores a stuurgroep with its members once, in registered order', async () => {
    const repo = new SqlStuurgroepRepository(dataSource);
    expect(await repo.insertIfMissing({ id: 'sg', naam: 'Stuurgroep', leden: ['werkbrug', 'gemeente-a', 'ggz-c'] })).toBe(true);
    expect(await repo.insertIfMissing({ id: 'sg', naam: 'Other', leden: ['werkbrug', 'aanpak'] })).toBe(false);
    expect(await repo.list()).toEqual([{ id: 'sg', naam: 'Stuurgroep', leden: ['werkbrug', 'gemeente-a', 'ggz-c'] }]);
  });

  it('does not leave a half-registered stuurgroep when a member is unknown', async () => {
    const repo = new SqlStuurgroepRepository(dataSource);
    await expect(repo.insertIfMissing({ id: 'sg-2', naam: 'Tweede', leden: ['werkbrug', 'bestaat-niet'] })).rejects.toThrow(/foreign key/);
    expect((await repo.list()).map((s) => s.id)).toEqual(['sg']);
  });
});
