import {
  besluit,
  DEMO_REGISTER,
  GENESIS_HASH,
  geefToestemming,
  regelTekst,
  regelVoorBesluit,
  trekIn,
  uitkomst,
  verifieerKeten,
  type Verwerkingsregel,
  type Ketenregel,
} from '@ketenregie/consent-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CONSENT_MIGRATIONS, embeddedKetenSleutels, hmacPseudonimiseerder, nodeSha256, consentRepositories, SqlRegisterRepository } from './index';

const pseudoniem = hmacPseudonimiseerder('k1', Buffer.alloc(32, 7));
const sleutels = embeddedKetenSleutels();

async function alle(bron: AsyncIterable<Ketenregel>): Promise<Ketenregel[]> {
  const uit: Ketenregel[] = [];
  for await (const r of bron) uit.push(r);
  return uit;
}

function regel(n: number, deelnemerId = randomUUID()): Verwerkingsregel {
  return {
    traceId: randomUUID().replace(/-/g, ''),
    spanId: randomUUID().replace(/-/g, '').slice(0, 16),
    handeling: 'verstrekking',
    status: 'ok',
    tijdstip: new Date(Date.UTC(2026, 2, 1, 9, 0, n)),
    verwerkingsactiviteit: { id: 'va-re-integratie', versie: 1 },
    betrokkene: pseudoniem(deelnemerId),
    organisatie: 'org-gemeente',
    ontvanger: 'org-senzer',
    doel: 're-integratie',
    categorieen: ['zrm'],
    grondslagen: ['zrm:wettelijke-grondslag'],
    toestemmingen: [],
  };
}

describeEachDatabase('consent data access', (db) => {
  // An inner block, so these hooks close every connection before the database is dropped.
  describe('on a migrated consent schema', () => {
    let dataSource: DataSource;
    let opslag: ReturnType<typeof consentRepositories>;
    let admin: Client;
    let schema: string;

    beforeAll(async () => {
      schema = db.schema;
      admin = new Client({ connectionString: db.url });
      await admin.connect();
      dataSource = await openDatabase({ url: db.url, schema, migrations: CONSENT_MIGRATIONS, poolSize: 8 });
      opslag = consentRepositories(dataSource, sleutels, { gelijktijdig: 6, paginagrootte: 7 });
      await new SqlRegisterRepository(dataSource).voegOntbrekendeToe(DEMO_REGISTER.versies);
    }, 60_000);

    afterAll(async () => {
      await admin?.end();
      await dataSource?.destroy();
    });

    describe('the processing register', () => {
      it('round-trips every version and refuses to change one already stored', async () => {
        const register = new SqlRegisterRepository(dataSource);
        expect(await register.laad()).toEqual(DEMO_REGISTER);
        expect(await register.voegOntbrekendeToe(DEMO_REGISTER.versies)).toBe(0);
        const [eerste] = DEMO_REGISTER.versies;
        if (!eerste) throw new Error('demo register has no versions');
        await expect(register.voegOntbrekendeToe([{ ...eerste, activiteiten: [] }])).rejects.toMatchObject({
          code: 'CONSENT.REGISTER_VERSION_CHANGED',
        });
        await expect(admin.query(`UPDATE ${schema}.register_versie SET activiteiten = '[]' WHERE versie = 1`)).rejects.toThrow(/append-only/);
      });
    });

    describe('consents', () => {
      it('stores a consent with its history and reads it back identical, also under a share lock', async () => {
        const t = geefToestemming(
          {
            id: randomUUID(),
            deelnemerId: randomUUID(),
            verlener: { soort: 'wettelijk-vertegenwoordiger', hoedanigheid: 'mentor', vertegenwoordiger: randomUUID() },
            doel: 'verwijzing-ggz',
            categorieen: ['contact', 'gezondheid'],
            bronnen: [{ soort: 'type', type: 'gemeente' }],
            ontvangers: [{ soort: 'organisatie', organisatie: 'org-ggz-oost' }],
            geldigTot: new Date('2027-03-01T00:00:00.000Z'),
            bewijs: { soort: 'mondeling-met-getuige', getuige: 'mw-2', notitie: 'gesprek' },
            vastgelegdDoor: 'mw-1',
          },
          new Date('2026-03-01T10:00:00.000Z'),
        );
        await opslag.transacties.transactie((tx) => tx.bewaarNieuweToestemming(t));
        expect(await opslag.transacties.transactie((tx) => tx.toestemming(t.id, 'delen'))).toEqual(t);
        const ingetrokken = trekIn(t, new Date('2026-03-05T10:00:00.000Z'), 'mw-1', 'op verzoek');
        await opslag.transacties.transactie((tx) => tx.bewaarGebeurtenis(ingetrokken, ingetrokken.historie[1] as never));
        expect(await opslag.transacties.transactie((tx) => tx.toestemmingenVan(t.deelnemerId, 'exclusief'))).toEqual([ingetrokken]);
        const { rows } = await admin.query(`SELECT status, versie FROM ${schema}.toestemming WHERE id = $1`, [t.id]);
        expect(rows).toEqual([{ status: 'ingetrokken', versie: 2 }]);
      });

      it('refuses, in the database, a status event dated before the previous one or after the end', async () => {
        const t = geefToestemming(
          {
            id: randomUUID(),
            deelnemerId: randomUUID(),
            verlener: { soort: 'deelnemer' },
            doel: 're-integratie',
            categorieen: ['contact'],
            bronnen: [{ soort: 'type', type: 'gemeente' }],
            ontvangers: [{ soort: 'type', type: 'wijkteam' }],
            geldigTot: new Date('2027-03-01T00:00:00.000Z'),
            bewijs: { soort: 'ondertekend-formulier', documentId: 'doc' },
            vastgelegdDoor: 'mw-1',
          },
          new Date('2026-03-01T10:00:00.000Z'),
        );
        await opslag.transacties.transactie((tx) => tx.bewaarNieuweToestemming(t));
        const terugGedateerd = `INSERT INTO ${schema}.toestemming_status (toestemming_id, volgnummer, status, op, door) VALUES ($1, 2, 'ingetrokken', $2, 'x')`;
        await expect(admin.query(terugGedateerd, [t.id, '2026-02-28T00:00:00Z'])).rejects.toThrow(/out of order/);
        await admin.query(terugGedateerd, [t.id, '2026-03-02T00:00:00Z']);
        await expect(
          admin.query(`INSERT INTO ${schema}.toestemming_status (toestemming_id, volgnummer, status, op) VALUES ($1, 3, 'verlopen', '2027-03-01T00:00:00Z')`, [
            t.id,
          ]),
        ).rejects.toThrow(/out of order/);
        await expect(admin.query(`DELETE FROM ${schema}.toestemming_status WHERE toestemming_id = $1`, [t.id])).rejects.toThrow(/append-only/);
      });
    });

    describe('decisions', () => {
      it('are stored as taken and cannot be altered', async () => {
        const b = besluit(
          DEMO_REGISTER,
          [],
          {
            deelnemerId: randomUUID(),
            bron: { organisatie: 'org-gemeente', type: 'gemeente' },
            ontvanger: { organisatie: 'org-senzer', type: 'uitvoerder' },
            doel: 're-integratie',
            categorieen: ['zrm', 'gezondheid'],
          },
          new Date('2026-03-02T09:00:00.000Z'),
        );
        const id = randomUUID();
        await opslag.transacties.transactie((tx) => tx.bewaarBesluit(id, b, '4bf92f3577b34da6a3ce929d0e0e4736'));
        const { rows } = await admin.query(`SELECT uitkomst, register_versie, activiteit_id, categorieen FROM ${schema}.besluit WHERE id = $1`, [id]);
        expect(rows).toEqual([
          { uitkomst: 'deels', register_versie: 1, activiteit_id: 'va-re-integratie', categorieen: JSON.parse(JSON.stringify(b.categorieen)) },
        ]);
        await expect(admin.query(`UPDATE ${schema}.besluit SET uitkomst = 'toegestaan' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
        expect(await opslag.transacties.transactie((tx) => tx.besluit(id))).toEqual(b);
        expect(await opslag.transacties.transactie((tx) => tx.besluit(randomUUID()))).toBeUndefined();
      });
    });

    describe('decisions in two statements (read, then store if unchanged)', () => {
      const consent = (deelnemerId: string) =>
        geefToestemming(
          {
            id: randomUUID(),
            deelnemerId,
            verlener: { soort: 'deelnemer' },
            doel: 'verwijzing-ggz',
            categorieen: ['contact', 'gezondheid'],
            bronnen: [{ soort: 'type', type: 'gemeente' }],
            ontvangers: [{ soort: 'type', type: 'ggz' }],
            geldigTot: new Date('2099-01-01T00:00:00.000Z'),
            bewijs: { soort: 'ondertekend-formulier', documentId: 'doc' },
            vastgelegdDoor: 'mw-1',
          },
          new Date('2026-03-01T10:00:00.000Z'),
        );
      const neem = async (deelnemerId: string) => {
        const grond = await opslag.besluiten.leesVoorBesluit(deelnemerId);
        const b = besluit(
          DEMO_REGISTER,
          grond.toestemmingen,
          {
            deelnemerId,
            bron: { organisatie: 'org-gemeente', type: 'gemeente' },
            ontvanger: { organisatie: 'org-ggz', type: 'ggz' },
            doel: 'verwijzing-ggz',
            categorieen: ['gezondheid', 'contact'],
          },
          grond.op,
        );
        const trace = { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().replace(/-/g, '').slice(0, 16) };
        return { grond, b, regel: regelVoorBesluit(b, trace, pseudoniem), trace };
      };

      it('reads the consents as the locking read does, stores decision and line atomically, and the log still verifies', async () => {
        const deelnemerId = randomUUID();
        const t = consent(deelnemerId);
        await opslag.transacties.transactie((tx) => tx.bewaarNieuweToestemming(t));
        const { grond, b, regel: r, trace } = await neem(deelnemerId);
        expect(grond.toestemmingen).toEqual(await opslag.transacties.transactie((tx) => tx.toestemmingenVan(deelnemerId, 'exclusief')));
        expect(uitkomst(b)).toBe('toegestaan');
        const voor = (await alle(opslag.verwerkingen.verwerkingen())).length;
        // Concurrent decisions on one chain and on others: each links to its predecessor.
        const id = randomUUID();
        const schakels = await Promise.all([
          opslag.besluiten.legBesluitVast(id, b, trace.traceId, r, grond.stempel),
          ...Array.from({ length: 30 }, async () => {
            const ander = await neem(randomUUID());
            return opslag.besluiten.legBesluitVast(randomUUID(), ander.b, ander.trace.traceId, ander.regel, ander.grond.stempel);
          }),
        ]);
        expect(schakels.every((s) => s !== undefined)).toBe(true);
        expect(await opslag.transacties.transactie((tx) => tx.besluit(id))).toEqual(b);
        const log = await alle(opslag.verwerkingen.verwerkingen());
        expect(log).toHaveLength(voor + 31);
        expect(log.find((l) => l.regel.traceId === trace.traceId)).toEqual(schakels[0]);
        expect(verifieerKeten(log, sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({ geldig: true, aantal: voor + 31 });
      });

      it('writes nothing when a withdrawal committed between the read and the store', async () => {
        const deelnemerId = randomUUID();
        const t = consent(deelnemerId);
        await opslag.transacties.transactie((tx) => tx.bewaarNieuweToestemming(t));
        const { grond, b, regel: r, trace } = await neem(deelnemerId);
        const ingetrokken = trekIn(t, new Date(grond.op.getTime() + 1), 'mw-1', 'op verzoek');
        await opslag.transacties.transactie((tx) => tx.bewaarGebeurtenis(ingetrokken, ingetrokken.historie[1] as never));
        const voor = (await alle(opslag.verwerkingen.verwerkingen())).length;
        const id = randomUUID();
        expect(await opslag.besluiten.legBesluitVast(id, b, trace.traceId, r, grond.stempel)).toBeUndefined();
        expect(await opslag.transacties.transactie((tx) => tx.besluit(id))).toBeUndefined();
        expect(await alle(opslag.verwerkingen.verwerkingen())).toHaveLength(voor);
        // A consent recorded in between changes the stamp too.
        const ander = randomUUID();
        const tweede = await neem(ander);
        await opslag.transacties.transactie((tx) => tx.bewaarNieuweToestemming(consent(ander)));
        expect(await opslag.besluiten.legBesluitVast(randomUUID(), tweede.b, tweede.trace.traceId, tweede.regel, tweede.grond.stempel)).toBeUndefined();
      });
    });

    describe('the processing log', () => {
      it('chains concurrent appends without gaps or forks, each subject in its own chain, and all chains verify', async () => {
        const voor = (await alle(opslag.verwerkingen.verwerkingen())).length;
        const zelfde = randomUUID();
        await Promise.all(
          Array.from({ length: 60 }, (_, n) => opslag.transacties.transactie((tx) => tx.logVerwerking(regel(n, n % 2 === 0 ? zelfde : randomUUID())))),
        );
        const log = await alle(opslag.verwerkingen.verwerkingen());
        expect(log).toHaveLength(voor + 60);
        const perKeten = new Map<number, number[]>();
        for (const r of log) perKeten.set(r.keten, [...(perKeten.get(r.keten) ?? []), r.volgnummer]);
        expect(perKeten.size).toBeGreaterThan(3);
        for (const volgnummers of perKeten.values()) expect(volgnummers).toEqual(volgnummers.map((_, i) => i + 1));
        expect(new Set(log.filter((r) => r.regel.betrokkene === pseudoniem(zelfde)).map((r) => r.keten)).size).toBe(1);
        expect(verifieerKeten(log, sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({ geldig: true, aantal: voor + 60 });
      });

      it('loses nothing when an appending transaction rolls back', async () => {
        const voor = (await alle(opslag.verwerkingen.verwerkingen())).length;
        await expect(
          opslag.transacties.transactie(async (tx) => {
            await tx.logVerwerking(regel(1));
            throw new Error('disclosure failed');
          }),
        ).rejects.toThrow('disclosure failed');
        await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(2)));
        const keten = await alle(opslag.verwerkingen.verwerkingen());
        expect(keten).toHaveLength(voor + 1);
        expect(verifieerKeten(keten, sleutels, opslag.verwerkingen.aantalKetens).geldig).toBe(true);
      });

      it('finds a data subject only by pseudonym and never stores the deelnemer id', async () => {
        const deelnemerId = randomUUID();
        await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(3, deelnemerId)));
        const lijnen = await opslag.verwerkingen.verwerkingenVan(pseudoniem(deelnemerId));
        expect(lijnen).toHaveLength(1);
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.verwerking WHERE row_to_json(verwerking)::text LIKE $1`, [
          `%${deelnemerId}%`,
        ]);
        expect(rows).toEqual([{ n: 0 }]);
      });

      it('refuses UPDATE, DELETE and TRUNCATE of log lines and an insert that does not extend the chain', async () => {
        await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(4)));
        await expect(admin.query(`UPDATE ${schema}.verwerking SET organisatie = 'org-x' WHERE volgnummer = 1`)).rejects.toThrow(/append-only/);
        await expect(admin.query(`DELETE FROM ${schema}.verwerking WHERE volgnummer = 1`)).rejects.toThrow(/append-only/);
        await expect(admin.query(`TRUNCATE ${schema}.verwerking CASCADE`)).rejects.toThrow(/append-only/);
        await expect(
          admin.query(
            `INSERT INTO ${schema}.verwerking (volgnummer, vorige_hash, hash, trace_id, span_id, handeling, status, tijdstip, betrokkene, organisatie, categorieen, grondslagen, toestemmingen)
             VALUES (100000, repeat('1', 64), repeat('2', 64), repeat('a', 32), repeat('b', 16), 'verstrekking', 'ok', now(), 'x', 'org', '{}', '{}', '{}')`,
          ),
        ).rejects.toThrow(/does not extend the chain/);
      });

      it('makes verification fail when a superuser edits a line with the guards switched off, and pass again once restored', async () => {
        await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(5)));
        const { rows } = await admin.query(`SELECT keten, volgnummer, ontvanger FROM ${schema}.verwerking WHERE volgnummer = 2 ORDER BY keten LIMIT 1`);
        const doelwit = rows[0] as { keten: number; volgnummer: string; ontvanger: string };
        const bewerk = async (ontvanger: string) => {
          await admin.query(`ALTER TABLE ${schema}.verwerking DISABLE TRIGGER verwerking_append_only`);
          try {
            await admin.query(`UPDATE ${schema}.verwerking SET ontvanger = $1 WHERE keten = $2 AND volgnummer = 2`, [ontvanger, doelwit.keten]);
          } finally {
            await admin.query(`ALTER TABLE ${schema}.verwerking ENABLE TRIGGER verwerking_append_only`);
          }
        };
        await bewerk('org-bakkerij');
        try {
          expect(verifieerKeten(await alle(opslag.verwerkingen.verwerkingen()), sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({
            geldig: false,
            breuk: { keten: doelwit.keten, volgnummer: 2, reden: 'HASH_ONJUIST' },
          });
        } finally {
          await bewerk(doelwit.ontvanger);
        }
        expect(verifieerKeten(await alle(opslag.verwerkingen.verwerkingen()), sleutels, opslag.verwerkingen.aantalKetens).geldig).toBe(true);
      });
    });

    it('keeps the end of a consent in the lifecycle outbox until it is delivered, claimed with a lease, retried after a failure', async () => {
      const toestemmingId = randomUUID();
      const signaal = { toestemmingId, op: '2026-03-03T10:00:00.000Z', reden: 'ingetrokken' as const };
      await opslag.transacties.transactie((tx) => tx.meldLevenscyclus(signaal));
      await opslag.transacties.transactie((tx) => tx.meldLevenscyclus({ ...signaal, op: '2026-03-04T10:00:00.000Z' }));
      const eerste = await opslag.levenscyclusOutbox.levenscyclusTeBezorgen(10, 60_000);
      expect(eerste.filter((b) => b.signaal.toestemmingId === toestemmingId)).toEqual([{ signaal, pogingen: 1 }]);
      // Claimed: not handed out again within the lease.
      expect((await opslag.levenscyclusOutbox.levenscyclusTeBezorgen(10, 60_000)).some((b) => b.signaal.toestemmingId === toestemmingId)).toBe(false);
      await opslag.levenscyclusOutbox.levenscyclusNietBezorgd(toestemmingId, 0, 'Temporal unreachable');
      expect((await opslag.levenscyclusOutbox.levenscyclusTeBezorgen(10, 60_000)).filter((b) => b.signaal.toestemmingId === toestemmingId)).toEqual([
        { signaal, pogingen: 2 },
      ]);
      await opslag.levenscyclusOutbox.levenscyclusBezorgd(toestemmingId);
      await opslag.levenscyclusOutbox.levenscyclusNietBezorgd(toestemmingId, 0, 'late failure of another claimer');
      expect((await opslag.levenscyclusOutbox.levenscyclusTeBezorgen(10, 0)).some((b) => b.signaal.toestemmingId === toestemmingId)).toBe(false);
    });
  });

  describe('splitting the log into chains (migration 3)', () => {
    it('keeps the lines written before the split verifiable as chain 0 and appends new lines to the subject chains', async () => {
      const legacySchema = `${db.schema}_v1`;
      const [m1, m2] = CONSENT_MIGRATIONS;
      const oud = await openDatabase({ url: db.url, schema: legacySchema, entities: [], migrations: [m1, m2] as never, poolSize: 2 });
      const legacy: Ketenregel[] = [];
      for (let n = 1; n <= 3; n++) {
        // Lines from before the chain was keyed: plain SHA-256, no key id.
        const vorigeHash = legacy[legacy.length - 1]?.hash ?? GENESIS_HASH;
        const inhoud = regel(n);
        legacy.push({ keten: 0, volgnummer: n, vorigeHash, hash: nodeSha256(regelTekst(vorigeHash, n, inhoud)), regel: inhoud });
      }
      for (const r of legacy) {
        await oud.query(
          `INSERT INTO "${legacySchema}".verwerking (volgnummer, vorige_hash, hash, trace_id, span_id, handeling, status, tijdstip, activiteit_id, activiteit_versie, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
          [
            r.volgnummer,
            r.vorigeHash,
            r.hash,
            r.regel.traceId,
            r.regel.spanId,
            r.regel.handeling,
            r.regel.status,
            r.regel.tijdstip,
            r.regel.verwerkingsactiviteit?.id,
            r.regel.verwerkingsactiviteit?.versie,
            r.regel.betrokkene,
            r.regel.organisatie,
            r.regel.ontvanger,
            r.regel.doel,
            r.regel.categorieen,
            r.regel.grondslagen,
            r.regel.toestemmingen,
          ],
        );
      }
      await oud.query(`UPDATE "${legacySchema}".keten_kop SET volgnummer = 3, hash = $1`, [legacy[2]?.hash]);
      await oud.destroy();

      const nieuw = await openDatabase({ url: db.url, schema: legacySchema, migrations: CONSENT_MIGRATIONS, poolSize: 2 });
      try {
        const opslag = consentRepositories(nieuw, sleutels);
        await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(9)));
        const log = await alle(opslag.verwerkingen.verwerkingen());
        expect(log.map((r) => [r.keten, r.volgnummer]).slice(0, 3)).toEqual([
          [0, 1],
          [0, 2],
          [0, 3],
        ]);
        expect(log[3]?.keten).toBeGreaterThan(0);
        // Migration 1767400000001 keys the chain: the old lines keep their SHA-256 and still verify, new lines carry the key id.
        expect(log.map((r) => r.sleutelId)).toEqual([undefined, undefined, undefined, sleutels.actief]);
        expect(verifieerKeten(log, sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({ geldig: true, aantal: 4 });
        // A line without a key id can no longer be inserted.
        const kop = log[3] as Ketenregel;
        await expect(
          nieuw.query(
            `INSERT INTO "${legacySchema}".verwerking (keten, volgnummer, vorige_hash, hash, trace_id, span_id, handeling, status, tijdstip, betrokkene, organisatie, categorieen, grondslagen, toestemmingen)
             VALUES ($1, 2, $2, $2, 'a', 'b', 'inzage', 'ok', now(), 'x', 'y', '{}', '{}', '{}')`,
            [kop.keten, kop.hash],
          ),
        ).rejects.toMatchObject({ code: '23514' });
      } finally {
        await nieuw.destroy();
      }
    }, 60_000);
  });
});
