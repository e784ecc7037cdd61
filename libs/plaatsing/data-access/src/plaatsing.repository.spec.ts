import { plaatsingOverzicht, startPlaatsing, voerUit, type PlaatsingStart } from '@ketenregie/plaatsing-domain';
import { KLUIS_MIGRATIONS, KluisPayloadCodec, LokaleKms, Sleutelkluis, SleutelVernietigdFout, workflowDeelnemerUitTabellen } from '@ketenregie/shared-crypto';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PLAATSING_MIGRATIONS, PLAATSING_SCHEMA, plaatsingMigraties, SqlPlaatsingRepository, SqlVacatureRepository, SqlWerkgeverRepository } from './index';

describeEachDatabase('plaatsing repositories', (db) => {
  let ds: DataSource;
  let kluis: Sleutelkluis;
  // Rows written in the clear before the encryption migration: one employer, one placement.
  const oud = { plaatsingId: randomUUID(), deelnemerId: randomUUID(), vacatureId: randomUUID() };
  const werkgever = {
    organisatieId: 'bakkerij-x',
    contactpersoon: { naam: 'Ria', telefoon: '0401111111' },
    plaatsvervanger: { naam: 'Kees', telefoon: '0402222222' },
  };
  const partij = (organisatieId: string, type: 'gemeente' | 'uitvoerder', professional: string) => ({ organisatieId, type, professional });

  beforeAll(async () => {
    kluis = new Sleutelkluis(
      new LokaleKms('m1', { m1: randomBytes(32) }),
      () => openDatabase({ url: db.url, schema: `${db.schema}_kluis`, entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 2 }),
      { cacheMs: 0 },
    );
    const voor = await openDatabase({ url: db.url, schema: PLAATSING_SCHEMA, entities: [], migrations: PLAATSING_MIGRATIONS, poolSize: 2 });
    const start = {
      ...(await nieuw(oud.vacatureId, oud.deelnemerId)),
      plaatsingId: oud.plaatsingId,
      werkgever: { ...werkgever, organisatieId: 'oud-bedrijf' },
    };
    const o = plaatsingOverzicht(startPlaatsing(start).state);
    await voor.query(`INSERT INTO plaatsing.werkgever (organisatie_id, contactpersoon, plaatsvervanger) VALUES ('oud-bedrijf', $1, $2)`, [
      JSON.stringify({ naam: 'Truus Oudeweg', telefoon: '0403333333' }),
      null,
    ]);
    await voor.query(
      `INSERT INTO plaatsing.vacature (id, werkgever_id, titel, uren_per_week, taken, competenties, ondersteuning, status) VALUES ($1, 'oud-bedrijf', 'Schilder', 20, '[]', '[]', '[]', 'open')`,
      [oud.vacatureId],
    );
    await voor.query(
      `INSERT INTO plaatsing.plaatsing (id, vacature_id, werkgever_id, deelnemer_id, coach_organisatie, regievoerder_organisatie, jobcoach_organisatie, jobcoach_professional, fase, versie, overzicht, kandidaat)
       VALUES ($1, $2, 'oud-bedrijf', $3, 'werkbrug', 'gemeente-a', 'kempenpoort', 'jc-1', $4, $5, $6, $7)`,
      [
        oud.plaatsingId,
        oud.vacatureId,
        oud.deelnemerId,
        o.fase,
        o.versie,
        JSON.stringify(o),
        JSON.stringify({ roepnaam: 'Anouschka', werkervaring: ['schilderen'] }),
      ],
    );
    await voor.destroy();
    ds = await openDatabase({ url: db.url, schema: PLAATSING_SCHEMA, migrations: plaatsingMigraties(kluis), poolSize: 2 });
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await kluis?.sluit();
  });

  /** Every stored column of a table's rows, as text: what someone reading the database sees. */
  const rauw = async (tabel: string) =>
    JSON.stringify(await ds.query(`SELECT * FROM plaatsing.${tabel}`)) +
    Buffer.concat(
      (await ds.query(`SELECT * FROM plaatsing.${tabel}`)).flatMap((r: Record<string, unknown>) =>
        Object.values(r).filter((v): v is Buffer => Buffer.isBuffer(v)),
      ),
    ).toString('latin1');

  it('the migration encrypts the rows stored in the clear before it: they read as before, and no column holds a name any more', async () => {
    expect(await new SqlWerkgeverRepository(ds, kluis).vind('oud-bedrijf')).toEqual({
      organisatieId: 'oud-bedrijf',
      contactpersoon: { naam: 'Truus Oudeweg', telefoon: '0403333333' },
    });
    const r = await new SqlPlaatsingRepository(ds, kluis).vind(oud.plaatsingId);
    expect(r?.kandidaat).toEqual({ roepnaam: 'Anouschka', werkervaring: ['schilderen'] });
    expect(r?.overzicht.werkgever).toEqual({ ...werkgever, organisatieId: 'oud-bedrijf' });
    for (const tabel of ['werkgever', 'plaatsing']) {
      const tekst = await rauw(tabel);
      for (const naam of ['Truus', 'Oudeweg', '0403333333', 'Anouschka', 'schilderen', 'Ria', 'Kees', '0401111111'])
        expect({ tabel, naam, in: tekst.includes(naam) }).toEqual({ tabel, naam, in: false });
    }
  });

  it("a placement's workflow payloads are encrypted with its deelnemer's key: once that key is destroyed they no longer decode, another placement's still do", async () => {
    const eigenaren = workflowDeelnemerUitTabellen(db.url, { plaatsing: PLAATSING_SCHEMA });
    try {
      const codec = new KluisPayloadCodec(kluis, eigenaren.deelnemerVan);
      const vacatureId = randomUUID();
      await new SqlVacatureRepository(ds).voegToe({ ...vacature(vacatureId), werkgeverId: 'codec-bedrijf' });
      const repo = new SqlPlaatsingRepository(ds, kluis);
      const [a, b] = [await nieuw(vacatureId), await nieuw(vacatureId)];
      for (const s of [a, b]) await repo.voegToe({ overzicht: plaatsingOverzicht(startPlaatsing(s).state), kandidaat: { roepnaam: 'Sam' } });
      const payload = { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode('{"roepnaam":"Sam"}') };
      const [va] = await codec.encode([payload], { type: 'workflow', namespace: 'default', workflowId: `plaatsing-${a.plaatsingId}` });
      const [vb] = await codec.encode([payload], { type: 'workflow', namespace: 'default', workflowId: `plaatsing-${b.plaatsingId}` });
      expect(await kluis.deelnemerVanWorkflow(`plaatsing-${a.plaatsingId}`)).toBe(a.deelnemerId);
      expect(Buffer.from(va?.data ?? []).includes(Buffer.from('Sam'))).toBe(false);

      await kluis.vernietig(a.deelnemerId, 'verzoek');
      await expect(codec.decode([va as typeof payload])).rejects.toBeInstanceOf(SleutelVernietigdFout);
      expect(Buffer.from((await codec.decode([vb as typeof payload]))[0]?.data ?? []).toString()).toBe('{"roepnaam":"Sam"}');
      // The erased deelnemer's placement is gone for everyone; the other one stays.
      expect(await repo.vind(a.plaatsingId)).toBeUndefined();
      expect((await repo.vind(b.plaatsingId))?.kandidaat).toEqual({ roepnaam: 'Sam' });
    } finally {
      await eigenaren.sluit();
    }
  });

  const vacature = (id: string) => ({
    id,
    werkgeverId: 'bakkerij-x',
    titel: 'Inpakker',
    urenPerWeek: 24,
    taken: ['inpakken'],
    competenties: [],
    ondersteuning: ['jobcoach' as const],
    status: 'open' as const,
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
    const repo = new SqlWerkgeverRepository(ds, kluis);
    await repo.bewaar(werkgever);
    await repo.bewaar({ ...werkgever, plaatsvervanger: undefined });
    expect(await repo.vind('bakkerij-x')).toEqual({ organisatieId: 'bakkerij-x', contactpersoon: werkgever.contactpersoon });
    expect(await repo.vind('onbekend')).toBeUndefined();
    expect(await rauw('werkgever')).not.toContain('Ria');
  });

  it('stores placements, refuses a second running one on the same vacancy, and finds them per party', async () => {
    const vacatures = new SqlVacatureRepository(ds);
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
    const repo = new SqlPlaatsingRepository(ds, kluis);
    const start = await nieuw(vacatureId);
    const overzicht = plaatsingOverzicht(startPlaatsing(start).state);
    await repo.voegToe({ overzicht, kandidaat: { roepnaam: 'Sam' } });
    await expect(repo.voegToe({ overzicht: { ...overzicht, plaatsingId: randomUUID() }, kandidaat: {} })).rejects.toMatchObject({ code: 'PLAATSING.LOOPT_AL' });
    expect(await repo.vind(start.plaatsingId)).toEqual({ overzicht, kandidaat: { roepnaam: 'Sam' } });
    // The raw row holds neither the candidate nor the employer's contact persons.
    const rij = JSON.stringify(await ds.query('SELECT * FROM plaatsing.plaatsing WHERE id = $1', [start.plaatsingId]));
    for (const naam of ['Sam', 'Ria', 'Kees', '0401111111']) expect(rij).not.toContain(naam);
    expect((await repo.zoek({ organisatie: 'werkbrug', professional: 'x' })).map((r) => r.overzicht.plaatsingId)).toContain(start.plaatsingId);
    expect((await repo.zoek({ organisatie: 'kempenpoort', professional: 'jc-1' })).map((r) => r.overzicht.plaatsingId)).toContain(start.plaatsingId);
    expect(await repo.zoek({ organisatie: 'kempenpoort', professional: 'jc-2' })).toEqual([]);
    expect(await repo.zoek({ organisatie: 'ander-bedrijf', professional: 'jc-1' })).toEqual([]);
  });

  it('applies an outcome once: a retry adds no timeline entry, task or event twice; an older projection never overwrites a newer one', async () => {
    const vacatureId = randomUUID();
    await new SqlVacatureRepository(ds).voegToe({
      id: vacatureId,
      werkgeverId: 'bakkerij-x',
      titel: 'Bakker',
      urenPerWeek: 32,
      taken: ['bakken'],
      competenties: [],
      ondersteuning: [],
      status: 'open',
    });
    const repo = new SqlPlaatsingRepository(ds, kluis);
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
