import { plaatsingOverzicht, startPlaatsing, voerUit, type PlaatsingStart } from '@ketenregie/plaatsing-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  PLAATSING_ENTITIES,
  PLAATSING_MIGRATIONS,
  PLAATSING_SCHEMA,
  TypeOrmPlaatsingRepository,
  TypeOrmVacatureRepository,
  TypeOrmWerkgeverRepository,
} from './index';

describeEachDatabase('plaatsing repositories', (db) => {
  let ds: DataSource;
  const werkgever = {
    organisatieId: 'bakkerij-x',
    contactpersoon: { naam: 'Ria', telefoon: '0401111111' },
    plaatsvervanger: { naam: 'Kees', telefoon: '0402222222' },
  };
  const partij = (organisatieId: string, type: 'gemeente' | 'uitvoerder', professional: string) => ({ organisatieId, type, professional });

  beforeAll(async () => {
    ds = await openDatabase({ url: db.url, schema: PLAATSING_SCHEMA, entities: PLAATSING_ENTITIES, migrations: PLAATSING_MIGRATIONS, poolSize: 2 });
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  async function nieuw(vacatureId: string, deelnemerId = randomUUID()): Promise<PlaatsingStart> {
    return {
      plaatsingId: randomUUID(),
      vacatureId,
      deelnemerId,
      trajectId: randomUUID(),
      werkgever,
      coach: partij('werkbrug', 'uitvoerder', 'coach-1'),
      regievoerder: partij('gemeente-a', 'gemeente', 'km-1'),
      jobcoach: partij('kempenpoort', 'uitvoerder', 'jc-1'),
      datum: '2027-01-04',
    };
  }

  it('keeps an employer profile, replacing it on a second save', async () => {
    const repo = new TypeOrmWerkgeverRepository(ds);
    await repo.bewaar(werkgever);
    await repo.bewaar({ ...werkgever, plaatsvervanger: undefined });
    expect(await repo.vind('bakkerij-x')).toEqual({ organisatieId: 'bakkerij-x', contactpersoon: werkgever.contactpersoon });
    expect(await repo.vind('onbekend')).toBeUndefined();
  });

  it('stores placements, refuses a second running one on the same vacancy, and finds them per party', async () => {
    const vacatures = new TypeOrmVacatureRepository(ds);
    const vacatureId = randomUUID();
    await vacatures.voegToe({
      id: vacatureId,
      werkgeverId: 'bakkerij-x',
      titel: 'Inpakker',
      urenPerWeek: 24,
      taken: ['inpakken'],
      competenties: [],
      ondersteuning: ['jobcoach'],
      status: 'open',
    });
    expect((await vacatures.vanWerkgever('bakkerij-x')).map((v) => v.id)).toEqual([vacatureId]);
    const repo = new TypeOrmPlaatsingRepository(ds);
    const start = await nieuw(vacatureId);
    const overzicht = plaatsingOverzicht(startPlaatsing(start).state);
    await repo.voegToe({ overzicht, kandidaat: { roepnaam: 'Sam' } });
    await expect(repo.voegToe({ overzicht: { ...overzicht, plaatsingId: randomUUID() }, kandidaat: {} })).rejects.toMatchObject({ code: 'PLAATSING.LOOPT_AL' });
    expect(await repo.vind(start.plaatsingId)).toEqual({ overzicht, kandidaat: { roepnaam: 'Sam' } });
    expect((await repo.zoek({ organisatie: 'werkbrug', professional: 'x' })).map((r) => r.overzicht.plaatsingId)).toContain(start.plaatsingId);
    expect((await repo.zoek({ organisatie: 'kempenpoort', professional: 'jc-1' })).map((r) => r.overzicht.plaatsingId)).toContain(start.plaatsingId);
    expect(await repo.zoek({ organisatie: 'kempenpoort', professional: 'jc-2' })).toEqual([]);
    expect(await repo.zoek({ organisatie: 'ander-bedrijf', professional: 'jc-1' })).toEqual([]);
  });

  it('applies an outcome once: a retry adds no timeline entry, task or event twice; an older projection never overwrites a newer one', async () => {
    const vacatureId = randomUUID();
    await new TypeOrmVacatureRepository(ds).voegToe({
      id: vacatureId,
      werkgeverId: 'bakkerij-x',
      titel: 'Bakker',
      urenPerWeek: 32,
      taken: ['bakken'],
      competenties: [],
      ondersteuning: [],
      status: 'open',
    });
    const repo = new TypeOrmPlaatsingRepository(ds);
    const begin = startPlaatsing(await nieuw(vacatureId));
    await repo.voegToe({ overzicht: plaatsingOverzicht(begin.state), kandidaat: {} });
    const stap = voerUit(begin.state, { soort: 'kennismaking', datum: '2027-01-06', uitkomst: 'proefplaatsing' });
    const uitkomst = {
      plaatsingId: begin.state.plaatsingId,
      overzicht: plaatsingOverzicht(stap.state),
      gebeurtenissen: [...begin.gebeurtenissen, ...stap.gebeurtenissen],
      taken: [{ sleutel: `plaatsing-x:t1`, voor: 'jobcoach' as const, onderwerp: 'checkin' as const, vervalt: '2027-02-01' }],
    };
    const events = uitkomst.gebeurtenissen
      .filter((g) => g.soort !== 'kennismaking')
      .map((g) => ({
        id: randomUUID(),
        sleutel: `${uitkomst.plaatsingId}/${g.nr}`,
        type: `nl.ketenregie.plaatsing.${g.soort}`,
        subject: `plaatsing/${uitkomst.plaatsingId}`,
        data: { nr: g.nr },
      }));
    await repo.verwerk(uitkomst, events);
    await repo.verwerk(
      uitkomst,
      events.map((e) => ({ ...e, id: randomUUID() })),
    );
    await repo.verwerk({ ...uitkomst, overzicht: plaatsingOverzicht(begin.state), gebeurtenissen: [], taken: [] }, []);
    expect((await repo.vind(begin.state.plaatsingId))?.overzicht.fase).toBe('proefplaatsing');
    expect((await repo.tijdlijn(begin.state.plaatsingId)).map((g) => g.soort)).toEqual(['plaatsing-gestart', 'kennismaking', 'proefplaatsing-gestart']);
    const uitgaand = (await repo.openUitgaand()).filter((e) => e.subject === `plaatsing/${begin.state.plaatsingId}`);
    expect(uitgaand.map((e) => e.type)).toEqual(['nl.ketenregie.plaatsing.plaatsing-gestart', 'nl.ketenregie.plaatsing.proefplaatsing-gestart']);
    // The same events as monitor-service's feed reads them: after a sequence number, in order, once each.
    const feed = (await repo.gebeurtenissenNa(0, 1000)).filter((e) => e.subject === `plaatsing/${begin.state.plaatsingId}`);
    expect(feed.map((e) => [e.id, e.type])).toEqual(uitgaand.map((e) => [e.id, e.type]));
    expect(feed[0].volgnummer).toBeLessThan(feed[1].volgnummer);
    expect(await repo.gebeurtenissenNa(feed[1].volgnummer, 1000)).not.toContainEqual(expect.objectContaining({ id: feed[1].id }));
  });
});
