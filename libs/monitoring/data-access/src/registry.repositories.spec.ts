import { EmbeddedPostgres, openDatabase, startEmbeddedPostgres } from '@ketenregie/shared-platform';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MONITORING_ENTITIES, MONITORING_MIGRATIONS, MONITORING_SCHEMA, TypeOrmOrganisatieRepository, TypeOrmStuurgroepRepository } from './index';

// Runs against real PostgreSQL when DATABASE_URL is set (CI), against in-memory PGlite otherwise.
const externalUrl = process.env['DATABASE_URL'];

describe(`monitoring registry repositories (${externalUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let embedded: EmbeddedPostgres | undefined;
  let dataSource: DataSource;

  beforeAll(async () => {
    let url = externalUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres({ port: 0 });
      url = embedded.url;
    }
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${MONITORING_SCHEMA} CASCADE`);
    await admin.end();
    dataSource = await openDatabase({ url, schema: MONITORING_SCHEMA, entities: MONITORING_ENTITIES, migrations: MONITORING_MIGRATIONS, poolSize: 2 });
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await embedded?.stop();
  });

  it('inserts only missing organisations and lists them by type and name', async () => {
    const repo = new TypeOrmOrganisatieRepository(dataSource);
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
    const repo = new TypeOrmOrganisatieRepository(dataSource);
    await expect(repo.insertMissing([{ id: 'x', naam: 'X', type: 'bank' as never }])).rejects.toThrow(/check constraint/);
  });

  it('stores a stuurgroep with its members once, in registered order', async () => {
    const repo = new TypeOrmStuurgroepRepository(dataSource);
    expect(await repo.insertIfMissing({ id: 'sg', naam: 'Stuurgroep', leden: ['werkbrug', 'gemeente-a', 'ggz-c'] })).toBe(true);
    expect(await repo.insertIfMissing({ id: 'sg', naam: 'Other', leden: ['werkbrug', 'aanpak'] })).toBe(false);
    expect(await repo.list()).toEqual([{ id: 'sg', naam: 'Stuurgroep', leden: ['werkbrug', 'gemeente-a', 'ggz-c'] }]);
  });

  it('does not leave a half-registered stuurgroep when a member is unknown', async () => {
    const repo = new TypeOrmStuurgroepRepository(dataSource);
    await expect(repo.insertIfMissing({ id: 'sg-2', naam: 'Tweede', leden: ['werkbrug', 'bestaat-niet'] })).rejects.toThrow(/foreign key/);
    expect((await repo.list()).map((s) => s.id)).toEqual(['sg']);
  });
});
