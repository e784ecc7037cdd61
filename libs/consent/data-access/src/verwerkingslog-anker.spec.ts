import { canoniekeJson, type Ketenregel, regelHash, verifieerKeten, type Verwerkingsregel } from '@ketenregie/consent-domain';
import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  ankerSleutel,
  CONSENT_MIGRATIONS,
  embeddedKetenSleutels,
  hmacPseudonimiseerder,
  laatsteAnker,
  LOGSCHRIJVER_ROL,
  maakAnker,
  nodeSha256,
  schrijfAnker,
  toetsTegenAnker,
  consentRepositories,
} from './index';

const pseudoniem = hmacPseudonimiseerder('k1', Buffer.alloc(32, 7));
const betrokkene = pseudoniem(randomUUID());
const sleutels = embeddedKetenSleutels();

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
    const ds = await openDatabase({ url: db.url, schema: db.schema, migrations: CONSENT_MIGRATIONS });
    const eigenaar = new Client({ connectionString: db.url });
    await eigenaar.connect();
    const map = await mkdtemp(join(tmpdir(), 'ankers-'));
    const t = `"${db.schema}".verwerking`;
    try {
      const opslag = consentRepositories(ds, sleutels);
      for (let n = 1; n <= 3; n++) await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(n)));
      const sleutel = ankerSleutel();
      await schrijfAnker(map, maakAnker(await opslag.verwerkingen.ketenKoppen(), new Date(), sleutel.privaat));
      const anker = await laatsteAnker(map);
      if (!anker) throw new Error('no anchor written');
      expect(await toetsTegenAnker(anker, sleutel.publiek, (k, n) => opslag.verwerkingen.hashOp(k, n))).toMatchObject({ geldig: true });

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
      await opslag.transacties.transactie((tx) => tx.logVerwerking(regel(4)));
      const { rows: aantal } = await eigenaar.query(`SELECT count(*)::int AS n FROM ${t}`);
      expect(aantal[0].n).toBe(4);

      const { rows } = await eigenaar.query(`SELECT keten, volgnummer FROM ${t} ORDER BY keten, volgnummer`);
      const keten = rows[0].keten as number;
      const regels: Ketenregel[] = [];
      for await (const r of opslag.verwerkingen.verwerkingen()) regels.push(r);
      const leesLog = async () => {
        const uit: Ketenregel[] = [];
        for await (const r of opslag.verwerkingen.verwerkingen()) uit.push(r);
        return uit;
      };
      /** The owner rewrites line 2 and recomputes the chain after it with `hash` (a key id or null per line), moving the head too. */
      const herschrijf = async (hash: (vorige: string, r: Ketenregel, inhoud: Verwerkingsregel) => { hash: string; sleutelId: string | null }) => {
        let vorige = '0'.repeat(64);
        for (const r of regels) {
          const inhoud = r.volgnummer === 2 ? { ...r.regel, organisatie: 'vervalst' } : r.regel;
          const nieuw = r.volgnummer === 1 ? { hash: r.hash, sleutelId: r.sleutelId ?? null } : hash(vorige, r, inhoud);
          await eigenaar.query(`UPDATE ${t} SET organisatie = $3, vorige_hash = $4, hash = $5, sleutel_id = $6 WHERE keten = $1 AND volgnummer = $2`, [
            keten,
            r.volgnummer,
            inhoud.organisatie,
            vorige,
            nieuw.hash,
            nieuw.sleutelId,
          ]);
          vorige = nieuw.hash;
        }
        await eigenaar.query(`UPDATE "${db.schema}".keten_kop SET hash = $2 WHERE id = $1`, [keten, vorige]);
        return vorige;
      };

      // The owner without the chain key can only recompute plain SHA-256: marked with the key id it fails at once, marked
      // as an unkeyed line (the owner drops the check that requires a key id) it cannot follow a keyed line.
      await herschrijf((vorige, r, inhoud) => ({ hash: nodeSha256(`${vorige}\n${r.volgnummer}\n${canoniekeJson(inhoud)}`), sleutelId: sleutels.actief }));
      expect(verifieerKeten(await leesLog(), sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({
        geldig: false,
        breuk: { keten, volgnummer: 2, reden: 'HASH_ONJUIST' },
      });
      await eigenaar.query(`ALTER TABLE ${t} DROP CONSTRAINT verwerking_sleutel_verplicht`);
      await herschrijf((vorige, r, inhoud) => ({ hash: nodeSha256(`${vorige}\n${r.volgnummer}\n${canoniekeJson(inhoud)}`), sleutelId: null }));
      expect(verifieerKeten(await leesLog(), sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({
        geldig: false,
        breuk: { keten, volgnummer: 2, reden: 'SLEUTEL_ONJUIST' },
      });

      // An owner who also stole the chain key recomputes the MACs: the chain alone verifies again ...
      const vorige = await herschrijf((v, r, inhoud) => ({
        hash: regelHash(v, r.volgnummer, inhoud, sleutels, sleutels.actief) ?? '',
        sleutelId: sleutels.actief,
      }));
      const nagerekend = await leesLog();
      expect(nagerekend.find((r) => r.volgnummer === 2)?.regel.organisatie).toBe('vervalst');
      expect(verifieerKeten(nagerekend, sleutels, opslag.verwerkingen.aantalKetens)).toMatchObject({ geldig: true });
      // ... but not against the anchor kept outside the database.
      expect(await toetsTegenAnker(anker, sleutel.publiek, (k, n) => opslag.verwerkingen.hashOp(k, n))).toMatchObject({
        geldig: false,
        afwijking: { keten, volgnummer: 3 },
      });
      // A forged anchor does not help: it is signed with the FG's key.
      expect(await toetsTegenAnker({ ...anker, koppen: [[keten, 3, vorige]] }, sleutel.publiek, (k, n) => opslag.verwerkingen.hashOp(k, n))).toMatchObject({
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
