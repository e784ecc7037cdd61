import { regelHash, verifieerKeten, type Verwerkingsregel } from '@ketenregie/consent-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  ankerSleutel,
  CONSENT_ENTITIES,
  CONSENT_MIGRATIONS,
  hmacPseudonimiseerder,
  laatsteAnker,
  LOGSCHRIJVER_ROL,
  maakAnker,
  nodeSha256,
  schrijfAnker,
  toetsTegenAnker,
  TypeOrmConsentOpslag,
} from './index';

const pseudoniem = hmacPseudonimiseerder('k1', Buffer.alloc(32, 7));
const betrokkene = pseudoniem(randomUUID());

function regel(n: number): Verwerkingsregel {
  return {
    traceId: randomUUID().replace(/-/g, ''),
    spanId: randomUUID().replace(/-/g, '').slice(0, 16),
    handeling: 'raadpleging',
    status: 'ok',
    tijdstip: new Date(Date.UTC(2027, 0, 4, 9, 0, n)),
    betrokkene,
    organisatie: 'org-uitvoerder',
    doel: 're-integratie',
    categorieen: ['contact'],
    grondslagen: [],
    toestemmingen: [],
  };
}

describeEachDatabase('processing log that cannot be rewritten', (db) => {
  it("refuses the application's role any alteration, and detects an owner's rewrite against the signed anchor", async () => {
    const ds = await openDatabase({ url: db.url, schema: db.schema, entities: CONSENT_ENTITIES, migrations: CONSENT_MIGRATIONS });
    const eigenaar = new Client({ connectionString: db.url });
    await eigenaar.connect();
    const map = await mkdtemp(join(tmpdir(), 'ankers-'));
    const t = `"${db.schema}".verwerking`;
    try {
      const opslag = new TypeOrmConsentOpslag(ds, nodeSha256);
      for (let n = 1; n <= 3; n++) await opslag.transactie((tx) => tx.logVerwerking(regel(n)));
      const sleutel = ankerSleutel();
      await schrijfAnker(map, maakAnker(await opslag.ketenKoppen(), new Date(), sleutel.privaat));
      const anker = await laatsteAnker(map);
      if (!anker) throw new Error('no anchor written');
      expect(await toetsTegenAnker(anker, sleutel.publiek, (k, n) => opslag.hashOp(k, n))).toMatchObject({ geldig: true });

      // With the application's role: no alteration, not even with the append-only triggers gone.
      await eigenaar.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
      for (const poging of [`UPDATE ${t} SET organisatie = 'vervalst'`, `DELETE FROM ${t}`, `TRUNCATE ${t}`]) {
        await eigenaar.query('BEGIN');
        try {
          await eigenaar.query(`SET LOCAL ROLE ${LOGSCHRIJVER_ROL}`);
          await expect(eigenaar.query(poging)).rejects.toMatchObject({ code: '42501' });
        } finally {
          await eigenaar.query('ROLLBACK');
        }
      }
      // It may append (the service's own path).
      await opslag.transactie((tx) => tx.logVerwerking(regel(4)));
      const { rows: aantal } = await eigenaar.query(`SELECT count(*)::int AS n FROM ${t}`);
      expect(aantal[0].n).toBe(4);

      // The owner rewrites line 2 and recomputes the chain after it: the chain alone still verifies ...
      const { rows } = await eigenaar.query(`SELECT keten, volgnummer FROM ${t} ORDER BY keten, volgnummer`);
      const keten = rows[0].keten as number;
      const regels = [];
      for await (const r of opslag.verwerkingen()) regels.push(r);
      let vorige = '0'.repeat(64);
      for (const r of regels) {
        const inhoud = r.volgnummer === 2 ? { ...r.regel, organisatie: 'vervalst' } : r.regel;
        const hash = regelHash(vorige, r.volgnummer, inhoud, nodeSha256);
        await eigenaar.query(`UPDATE ${t} SET organisatie = $3, vorige_hash = $4, hash = $5 WHERE keten = $1 AND volgnummer = $2`, [
          keten,
          r.volgnummer,
          inhoud.organisatie,
          vorige,
          hash,
        ]);
        vorige = hash;
      }
      await eigenaar.query(`UPDATE "${db.schema}".keten_kop SET hash = $2 WHERE id = $1`, [keten, vorige]);
      const nagerekend = [];
      for await (const r of opslag.verwerkingen()) nagerekend.push(r);
      expect(nagerekend.find((r) => r.volgnummer === 2)?.regel.organisatie).toBe('vervalst');
      expect(verifieerKeten(nagerekend, nodeSha256, opslag.aantalKetens)).toMatchObject({ geldig: true });
      // ... but not against the anchor kept outside the database.
      expect(await toetsTegenAnker(anker, sleutel.publiek, (k, n) => opslag.hashOp(k, n))).toMatchObject({
        geldig: false,
        afwijking: { keten, volgnummer: 3 },
      });
      // A forged anchor does not help: it is signed with the FG's key.
      expect(await toetsTegenAnker({ ...anker, koppen: [[keten, 3, vorige]] }, sleutel.publiek, (k, n) => opslag.hashOp(k, n))).toMatchObject({
        geldig: false,
      });
    } finally {
      await eigenaar.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`).catch(() => undefined);
      await eigenaar.end();
      await ds.destroy();
      await rm(map, { recursive: true, force: true });
    }
  }, 60_000);
});
