import { PlaatsingActiviteitenService } from '@ketenregie/plaatsing-application';
import type { PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import { PLAATSING_SCHEMA, plaatsingMigraties, SqlPlaatsingRepository, SqlVacatureRepository } from '@ketenregie/plaatsing-data-access';
import { KLUIS_MIGRATIONS, LokaleKms, Sleutelkluis } from '@ketenregie/shared-crypto';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PlaatsingActivitiesAdapter } from './plaatsing.activities';

describeEachDatabase('plaatsing applyOutcome (one transaction, in-process)', (db) => {
  let ds: DataSource;
  let repo: SqlPlaatsingRepository;
  let adapter: PlaatsingActivitiesAdapter;
  const kluis = new Sleutelkluis(new LokaleKms('m1', { m1: randomBytes(32) }), () =>
    openDatabase({ url: db.url, schema: `${db.schema}_kluis`, entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 2 }),
  );

  beforeAll(async () => {
    ds = await openDatabase({ url: db.url, schema: PLAATSING_SCHEMA, migrations: plaatsingMigraties(kluis), poolSize: 2 });
    repo = new SqlPlaatsingRepository(ds, kluis);
    // applyOutcome is in-process only: exchange-service and the service identity are never asked here.
    const nietGevraagd = { token: () => Promise.reject(new Error('not used')) };
    adapter = new PlaatsingActivitiesAdapter(new PlaatsingActiviteitenService(repo), { EXCHANGE_SERVICE_URL: 'http://127.0.0.1:9' }, nietGevraagd);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await kluis.sluit();
  });

  /** A stored placement and the outcome of its kennismaking, as the workflow hands it over. */
  async function kennismaking(): Promise<PlaatsingUitkomstVerwerken> {
    const vacatureId = randomUUID();
    await new SqlVacatureRepository(ds).voegToe({
      id: vacatureId,
      werkgeverId: 'bakkerij',
      titel: 'Bakker',
      urenPerWeek: 24,
      taken: ['deeg'],
      competenties: [],
      ondersteuning: [],
      status: 'open',
    });
    const partij = { organisatieId: 'werkbrug', type: 'uitvoerder' as const, professional: 'coach-1' };
    const plaatsingId = randomUUID();
    const overzicht = (fase: 'kennismaking' | 'proefplaatsing', versie: number): PlaatsingUitkomstVerwerken['overzicht'] => ({
      plaatsingId,
      vacatureId,
      deelnemerId: randomUUID(),
      trajectId: randomUUID(),
      werkgever: { organisatieId: 'bakkerij', contactpersoon: { naam: 'Ria', telefoon: '0401111111' } },
      coach: partij,
      regievoerder: { organisatieId: 'gemeente', type: 'gemeente', professional: 'km-1' },
      jobcoach: partij,
      fase,
      gestart: '2027-01-04',
      termijnen: [],
      versie,
    });
    await repo.voegToe({ overzicht: overzicht('kennismaking', 1), kandidaat: {} });
    return {
      plaatsingId,
      overzicht: overzicht('proefplaatsing', 3),
      gebeurtenissen: [
        { nr: 1, datum: '2027-01-04', soort: 'plaatsing-gestart', gegevens: {} },
        { nr: 2, datum: '2027-01-06', soort: 'kennismaking', gegevens: { uitkomst: 'proefplaatsing' } },
        { nr: 3, datum: '2027-01-06', soort: 'proefplaatsing-gestart', gegevens: { start: '2027-01-06' } },
      ],
      taken: [{ sleutel: `plaatsing-${plaatsingId}:t3-jobcoach`, voor: 'jobcoach', onderwerp: 'checkin', vervalt: '2027-02-03' }],
    };
  }

  it('writes the read model, the timeline and the monitoring events; a retry publishes nothing twice', async () => {
    const u = await kennismaking();
    await adapter.applyOutcome(u);
    await adapter.applyOutcome(u);
    expect((await repo.vind(u.plaatsingId))?.overzicht.fase).toBe('proefplaatsing');
    expect((await repo.tijdlijn(u.plaatsingId)).map((g) => g.soort)).toEqual(['plaatsing-gestart', 'kennismaking', 'proefplaatsing-gestart']);
    const events = (await repo.openUitgaand()).filter((e) => e.subject === `plaatsing/${u.plaatsingId}`);
    expect(events.map((e) => e.type)).toEqual(['nl.ketenregie.plaatsing.gestart', 'nl.ketenregie.plaatsing.proefplaatsing-gestart']);
    expect(events[0].data).toEqual({ plaatsingId: u.plaatsingId, datum: '2027-01-04', werkgever: 'bakkerij' });
  });

  it('is all or nothing: a failing write leaves neither the read model nor the timeline of that outcome', async () => {
    const u = await kennismaking();
    await expect(adapter.applyOutcome({ ...u, taken: [{ ...u.taken[0], vervalt: 'geen-datum' }] })).rejects.toThrow();
    expect((await repo.vind(u.plaatsingId))?.overzicht.fase).toBe('kennismaking');
    expect(await repo.tijdlijn(u.plaatsingId)).toEqual([]);
  });
});
