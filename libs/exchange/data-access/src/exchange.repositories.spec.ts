import type { OverdrachtRecord, UitgaandeGebeurtenis } from '@ketenregie/exchange-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { KLUIS_MIGRATIONS, LokaleKms, Sleutelkluis } from '@ketenregie/shared-crypto';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EXCHANGE_MIGRATIONS, exchangeMigraties, exchangeRepositories, type ExchangeRepositories } from './index';

function overdracht(): OverdrachtRecord {
  return {
    id: randomUUID(),
    deelnemerId: randomUUID(),
    zender: { organisatie: 'org-gemeente', type: 'gemeente', professional: 'km-1', rol: 'klantmanager' },
    ontvanger: { organisatie: 'org-ggz', type: 'ggz' },
    regievoerder: 'km-1',
    regievoerderOrganisatie: 'org-gemeente',
    reden: 'ggz-behandeling',
    overTeNemen: ['regie'],
    status: 'aangevraagd',
    afwijzingen: [],
    aangevraagdOp: new Date(),
    bijgewerktOp: new Date(),
  };
}

const gebeurtenis = (id: string, sleutel: string, type = 'nl.ketenregie.overdracht.aangevraagd'): UitgaandeGebeurtenis => ({
  id: randomUUID(),
  sleutel,
  type,
  subject: `overdracht/${id}`,
  dataref: `/api/v1/overdrachten/${id}`,
  data: { status: 'aangevraagd' },
  ontvangers: ['org-gemeente', 'org-ggz'],
});

const GEHEIM = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

describeEachDatabase('exchange data access', (db) => {
  describe('on a migrated exchange schema', () => {
    let dataSource: DataSource;
    let opslag: ExchangeRepositories;

    beforeAll(async () => {
      dataSource = await openDatabase({ url: db.url, schema: db.schema, migrations: EXCHANGE_MIGRATIONS });
      opslag = exchangeRepositories(dataSource);
      await opslag.abonnementen.voegAbonnementToe({ id: randomUUID(), organisatie: 'org-ggz', url: 'http://ggz.example/hook', geheim: GEHEIM });
      await opslag.abonnementen.voegAbonnementToe({
        id: randomUUID(),
        organisatie: 'org-gemeente',
        url: 'http://gem.example/hook',
        types: ['nl.ketenregie.overdracht.geaccepteerd'],
        geheim: GEHEIM,
      });
    }, 60_000);

    afterAll(async () => {
      await dataSource?.destroy();
    });

    it('keeps one subscription per organisation and URL, lists it without its secret and deletes it only for its organisation', async () => {
      const id = await opslag.abonnementen.voegAbonnementToe({ id: randomUUID(), organisatie: 'org-wijkteam', url: 'http://wt.example/hook', geheim: GEHEIM });
      expect(
        await opslag.abonnementen.voegAbonnementToe({
          id: randomUUID(),
          organisatie: 'org-wijkteam',
          url: 'http://wt.example/hook',
          types: ['nl.ketenregie.verwijzing.aangemeld'],
          geheim: GEHEIM,
        }),
      ).toBe(id);
      expect(await opslag.abonnementen.abonnementenVan('org-wijkteam')).toEqual([
        { id, organisatie: 'org-wijkteam', url: 'http://wt.example/hook', types: ['nl.ketenregie.verwijzing.aangemeld'], aangemaaktOp: expect.any(Date) },
      ]);
      expect(await opslag.abonnementen.verwijderAbonnement(id, 'org-ggz')).toBe(false);
      expect(await opslag.abonnementen.verwijderAbonnement(id, 'org-wijkteam')).toBe(true);
      expect(await opslag.abonnementen.abonnementenVan('org-wijkteam')).toEqual([]);
    });

    it('stores an overdracht with its source data and fans the event out to matching subscriptions only', async () => {
      const o = overdracht();
      await opslag.overdrachten.voegOverdrachtToe(o, { contact: { naam: 'J. Jansen' } }, gebeurtenis(o.id, `${o.id}/aangevraagd`));
      expect(await opslag.overdrachten.overdracht(o.id)).toMatchObject({ id: o.id, status: 'aangevraagd', zender: o.zender });
      expect(await opslag.overdrachten.bron(o.id)).toEqual({ contact: { naam: 'J. Jansen' } });
      expect((await opslag.overdrachten.overdrachtenVan('org-ggz')).map((x) => x.id)).toContain(o.id);
      expect(await opslag.overdrachten.overdrachtenVan('org-elders')).toEqual([]);
      const claims = await opslag.outbox.claimAfleveringen(50, 60_000);
      expect(claims.filter((c) => c.subject === `overdracht/${o.id}`).map((c) => c.url)).toEqual(['http://ggz.example/hook']);
    });

    it("keeps the organisation of the traject's regievoerder, which need not be the sender's, and puts its tasks on its list", async () => {
      const o: OverdrachtRecord = {
        ...overdracht(),
        zender: { organisatie: 'org-coach', type: 'uitvoerder', professional: 'c-1', rol: 'coach' },
        regievoerderOrganisatie: 'org-gemeente',
      };
      await opslag.overdrachten.voegOverdrachtToe(o, {}, gebeurtenis(o.id, `${o.id}/a`));
      expect(await opslag.overdrachten.overdracht(o.id)).toMatchObject({
        regievoerder: 'km-1',
        regievoerderOrganisatie: 'org-gemeente',
        zender: { organisatie: 'org-coach' },
      });
      const taak = { sleutel: `${o.id}/e`, overdrachtId: o.id, organisatie: 'org-gemeente', voor: 'regievoerder', soort: 'acceptatie-escalatie' };
      await opslag.overdrachten.registreerStap({
        sleutel: `${o.id}/e`,
        overdrachtId: o.id,
        status: 'dossier-geleverd',
        taak,
        gebeurtenis: gebeurtenis(o.id, `${o.id}/e`, 'nl.ketenregie.overdracht.acceptatie-geescaleerd'),
      });
      expect((await opslag.overdrachten.takenVan('org-gemeente')).filter((t) => t.overdrachtId === o.id)).toEqual([taak]);
      expect((await opslag.overdrachten.takenVan('org-coach')).filter((t) => t.overdrachtId === o.id)).toEqual([]);
    });

    it('records a step once per key: projection, task and event together', async () => {
      const o = overdracht();
      await opslag.overdrachten.voegOverdrachtToe(o, {}, gebeurtenis(o.id, `${o.id}/a`));
      const stap = {
        sleutel: `${o.id}/2`,
        overdrachtId: o.id,
        status: 'dossier-geleverd' as const,
        termijn: { soort: 'acceptatie' as const, uiterlijk: '2027-01-04' },
        taak: { sleutel: `${o.id}/2`, overdrachtId: o.id, organisatie: 'org-ggz', voor: 'ontvanger', soort: 'acceptatie-herinnering', vervalt: '2027-01-04' },
        gebeurtenis: gebeurtenis(o.id, `${o.id}/2`, 'nl.ketenregie.overdracht.dossier-geleverd'),
      };
      expect(await opslag.overdrachten.registreerStap(stap)).toBe(true);
      expect(await opslag.overdrachten.registreerStap({ ...stap, gebeurtenis: { ...stap.gebeurtenis, id: randomUUID() } })).toBe(false);
      expect(await opslag.overdrachten.overdracht(o.id)).toMatchObject({ status: 'dossier-geleverd', termijn: { uiterlijk: '2027-01-04' } });
      expect((await opslag.overdrachten.takenVan('org-ggz')).filter((t) => t.overdrachtId === o.id)).toHaveLength(1);
    });

    it('keeps a dossier idempotent per key and empties it when withdrawn', async () => {
      const o = overdracht();
      await opslag.overdrachten.voegOverdrachtToe(o, {}, gebeurtenis(o.id, `${o.id}/a`));
      const besluitId = randomUUID();
      expect(await opslag.dossiers.slaDossierOp({ sleutel: 'k1', overdrachtId: o.id, besluitId, categorieen: { contact: { naam: 'J' } } })).toBe(true);
      expect(await opslag.dossiers.slaDossierOp({ sleutel: 'k1', overdrachtId: o.id, besluitId, categorieen: { contact: { naam: 'J' } } })).toBe(false);
      await opslag.dossiers.trekDossierIn(o.id, 'toestemming-ingetrokken');
      expect(await opslag.dossiers.dossier(o.id)).toMatchObject({ categorieen: {}, intrekkingReden: 'toestemming-ingetrokken' });
      await opslag.dossiers.logInzage({
        overdrachtId: o.id,
        organisatie: 'org-ggz',
        sub: 'b-1',
        uitkomst: 'geweigerd',
        reden: 'toestemming-ingetrokken',
        traceId: 'a'.repeat(32),
      });
      expect(await opslag.dossiers.inzagen(o.id)).toEqual([expect.objectContaining({ uitkomst: 'geweigerd', organisatie: 'org-ggz' })]);
    });

    it('reads the outbox as a feed after a sequence number, naming the sending and receiving organisation of each event', async () => {
      const o = overdracht();
      const [{ na }] = (await dataSource.query(`SELECT COALESCE(max(volgnummer), 0)::int AS na FROM "${db.schema}".outbox`)) as { na: number }[];
      await opslag.overdrachten.voegOverdrachtToe(o, {}, gebeurtenis(o.id, `${o.id}/feed-1`));
      await opslag.overdrachten.registreerStap({
        sleutel: `${o.id}/feed-2`,
        overdrachtId: o.id,
        status: 'dossier-geleverd',
        gebeurtenis: gebeurtenis(o.id, `${o.id}/feed-2`, 'nl.ketenregie.overdracht.dossier-geleverd'),
      });
      const rijen = await opslag.outbox.gebeurtenissenNa(na, 10);
      expect(rijen.map((r) => [r.type, r.subject, r.data['zender'], r.data['ontvanger']])).toEqual([
        ['nl.ketenregie.overdracht.aangevraagd', `overdracht/${o.id}`, 'org-gemeente', 'org-ggz'],
        ['nl.ketenregie.overdracht.dossier-geleverd', `overdracht/${o.id}`, 'org-gemeente', 'org-ggz'],
      ]);
      expect(rijen[0].volgnummer).toBeLessThan(rijen[1].volgnummer);
      expect(rijen[0].datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await opslag.outbox.gebeurtenissenNa(rijen[0].volgnummer, 1)).toEqual([rijen[1]]);
    });

    it('hands a claimed delivery out again only after its lease, and never after it was delivered', async () => {
      const o = overdracht();
      await opslag.overdrachten.voegOverdrachtToe(o, {}, gebeurtenis(o.id, `${o.id}/a`));
      const mijn = (cs: Awaited<ReturnType<ExchangeRepositories['outbox']['claimAfleveringen']>>) => cs.filter((c) => c.subject === `overdracht/${o.id}`);
      const [eerste] = mijn(await opslag.outbox.claimAfleveringen(50, 1500));
      expect(eerste).toMatchObject({ pogingen: 1 });
      expect(mijn(await opslag.outbox.claimAfleveringen(50, 1500))).toEqual([]);
      await new Promise((r) => setTimeout(r, 1600));
      const [tweede] = mijn(await opslag.outbox.claimAfleveringen(50, 1500));
      expect(tweede).toMatchObject({ eventId: eerste?.eventId, pogingen: 2 });
      await opslag.outbox.markeerAfgeleverd(tweede?.eventId ?? '', tweede?.abonnementId ?? '');
      await new Promise((r) => setTimeout(r, 1600));
      expect(mijn(await opslag.outbox.claimAfleveringen(50, 1500))).toEqual([]);
    });
  });

  it("falls back to the sender's organisation as regievoerder's for a handover stored before the regievoerder's organisation was", async () => {
    const schema = `${db.schema}_r`;
    const oud = await openDatabase({ url: db.url, schema, migrations: EXCHANGE_MIGRATIONS.slice(0, 4) });
    const id = randomUUID();
    try {
      await oud.query(
        `INSERT INTO "${schema}".overdracht (id, deelnemer_id, zender, zender_organisatie, ontvanger, ontvanger_organisatie, regievoerder, reden, over_te_nemen, status)
         VALUES ($1, $2, $3, 'org-gemeente', $4, 'org-ggz', 'km-1', 'ggz-behandeling', '{regie}', 'aangevraagd')`,
        [id, randomUUID(), JSON.stringify(overdracht().zender), JSON.stringify(overdracht().ontvanger)],
      );
    } finally {
      await oud.destroy();
    }
    const ds = await openDatabase({ url: db.url, schema, migrations: EXCHANGE_MIGRATIONS });
    try {
      expect(await exchangeRepositories(ds).overdrachten.overdracht(id)).toMatchObject({ regievoerder: 'km-1', regievoerderOrganisatie: 'org-gemeente' });
    } finally {
      await ds.destroy();
    }
  });

  it('with the key store: source data and dossier only encrypted, the disclosure logged until recorded, the source data gone on withdrawal', async () => {
    const schema = `${db.schema}_v`;
    const sleutels = new Sleutelkluis(
      new LokaleKms('m1', { m1: randomBytes(32) }),
      () => openDatabase({ url: db.url, schema: `${db.schema}_kluis`, entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 2 }),
      { cacheMs: 0 },
    );
    const ds = await openDatabase({ url: db.url, schema, migrations: exchangeMigraties(sleutels) });
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      const opslag = exchangeRepositories(ds, sleutels);
      const o = overdracht();
      const bron = { gezondheid: { klachten: 'angst en somberheid' }, contact: { telefoon: '0612345678' } };
      await opslag.overdrachten.voegOverdrachtToe(o, bron, gebeurtenis(o.id, `${o.id}/a`));
      expect(await opslag.overdrachten.bron(o.id)).toEqual(bron);
      expect(
        await opslag.dossiers.slaDossierOp({
          sleutel: 'k1',
          overdrachtId: o.id,
          besluitId: randomUUID(),
          categorieen: { contact: { telefoon: '0612345678' } },
        }),
      ).toBe(true);
      expect((await opslag.dossiers.dossier(o.id))?.categorieen).toEqual({ contact: { telefoon: '0612345678' } });
      const rauw = JSON.stringify((await admin.query(`SELECT b.*, d.* FROM "${schema}".overdracht_bron b, "${schema}".dossier d`)).rows, (_k, v: unknown) =>
        v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString('latin1') : v,
      );
      expect(rauw).not.toContain('somberheid');
      expect(rauw).not.toContain('0612345678');
      // The first log call failed: the retry (same key) still has to log it, once.
      expect(await opslag.dossiers.verstrekkingTeMelden(o.id, 'k1')).toBe(true);
      await opslag.dossiers.verstrekkingGemeld(o.id, 'k1');
      expect(await opslag.dossiers.verstrekkingTeMelden(o.id, 'k1')).toBe(false);
      await opslag.dossiers.trekDossierIn(o.id, 'toestemming-ingetrokken');
      expect(await opslag.overdrachten.bron(o.id)).toBeUndefined();
      expect((await opslag.dossiers.dossier(o.id))?.categorieen).toEqual({});
    } finally {
      await admin.end();
      await ds.destroy();
      await sleutels.sluit();
    }
  });
});
