import { openDatabase } from '@ketenregie/shared-platform';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DeelnemerGewistFout, KLUIS_MIGRATIONS, KluisPayloadCodec, LokaleKms, Sleutelkluis, SleutelVernietigdFout, codecServer, sleutelIdVan } from './index';

const m1 = randomBytes(32);
const m2 = randomBytes(32);

describeEachDatabase('sleutelkluis', (db) => {
  const open = () => openDatabase({ url: db.url, schema: `${db.schema}_kluis`, entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 2 });
  let kluis: Sleutelkluis;

  beforeAll(() => {
    kluis = new Sleutelkluis(new LokaleKms('m1', { m1 }), open, { cacheMs: 0 });
  });
  afterAll(async () => kluis.sluit());

  it("encrypts each deelnemer's values with a key of their own, bound to the purpose", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const va = await kluis.versleutel(a, 'naam', Buffer.from('Jan Jansen'));
    const vb = await kluis.versleutel(b, 'naam', Buffer.from('Piet Pietersen'));
    expect(va.includes(Buffer.from('Jan'))).toBe(false);
    expect((await kluis.ontsleutel('naam', va)).toString()).toBe('Jan Jansen');
    expect((await kluis.ontsleutel('naam', vb)).toString()).toBe('Piet Pietersen');
    await expect(kluis.ontsleutel('bsn', va)).rejects.toThrow();
    const ka = va.subarray(3, 39).toString();
    const kb = vb.subarray(3, 39).toString();
    expect(ka).not.toBe(kb);
  });

  it('erasure destroys the key: that deelnemer no longer decrypts, no new key is made, others still decrypt', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const va = await kluis.versleutelJson(a, 'gegevens', { naam: 'Jan' });
    const vb = await kluis.versleutelJson(b, 'gegevens', { naam: 'Piet' });
    expect(await kluis.vernietig(a, 'verzoek')).toBe(1);
    await expect(kluis.ontsleutel('gegevens', va)).rejects.toBeInstanceOf(SleutelVernietigdFout);
    await expect(kluis.versleutel(a, 'gegevens', Buffer.from('x'))).rejects.toBeInstanceOf(DeelnemerGewistFout);
    expect(await kluis.isGewist(a)).toBe(true);
    expect(await kluis.ontsleutelJson('gegevens', vb)).toEqual({ naam: 'Piet' });
    // The table holds no key of the erased deelnemer.
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${db.schema}_kluis".sleutel WHERE deelnemer_id = $1`, [a]);
      expect(rows[0].n).toBe(0);
    } finally {
      await c.end();
    }
  });

  it('concurrent reads of a key that is not cached share one load, and an erasure during that load leaves nothing cached', async () => {
    let ds: Awaited<ReturnType<typeof open>> | undefined;
    const telKluis = new Sleutelkluis(new LokaleKms('m1', { m1 }), open, { cacheMs: 60_000 });
    try {
      const a = randomUUID();
      const va = await telKluis.versleutelJson(a, 'gegevens', { naam: 'Jan' });
      // A second store, as another process: nothing of `a` in its cache.
      const lezer = new Sleutelkluis(new LokaleKms('m1', { m1 }), async () => (ds = await open()), { cacheMs: 60_000 });
      try {
        await lezer.isGewist(a);
        const query = jest.spyOn(ds as NonNullable<typeof ds>, 'query');
        const gelezen = await Promise.all(Array.from({ length: 8 }, () => lezer.ontsleutelJson('gegevens', va)));
        expect(gelezen).toEqual(Array.from({ length: 8 }, () => ({ naam: 'Jan' })));
        expect(query.mock.calls.filter(([sql]) => String(sql).includes('FROM') && String(sql).includes('.sleutel WHERE id'))).toHaveLength(1);
        query.mockRestore();
      } finally {
        await lezer.sluit();
      }
      // An erasure that overtakes a load under way: the key is not cached, the next read fails.
      const b = randomUUID();
      const vb = await telKluis.versleutelJson(b, 'gegevens', { naam: 'Piet' });
      const derde = new Sleutelkluis(new LokaleKms('m1', { m1 }), open, { cacheMs: 60_000 });
      try {
        const bezig = derde.ontsleutelJson('gegevens', vb);
        await derde.vernietig(b, 'verzoek');
        await bezig.catch(() => undefined);
        await expect(derde.ontsleutelJson('gegevens', vb)).rejects.toBeInstanceOf(SleutelVernietigdFout);
      } finally {
        await derde.sluit();
      }
    } finally {
      await telKluis.sluit();
    }
  });

  it("an erasure reaches another process's cached key at once, however long it would keep it; a rotation its next encryption", async () => {
    const wisser = new Sleutelkluis(new LokaleKms('m1', { m1 }), open, { cacheMs: 600_000 });
    const lezer = new Sleutelkluis(new LokaleKms('m1', { m1 }), open, { cacheMs: 600_000 });
    try {
      const a = randomUUID();
      const b = randomUUID();
      const va = await wisser.versleutelJson(a, 'gegevens', { naam: 'Jan' });
      const vb = await wisser.versleutelJson(b, 'gegevens', { naam: 'Piet' });
      // The reader holds both keys in memory for ten minutes.
      expect(await lezer.ontsleutelJson('gegevens', va)).toEqual({ naam: 'Jan' });
      expect(await lezer.ontsleutelJson('gegevens', vb)).toEqual({ naam: 'Piet' });
      const oud = sleutelIdVan(await lezer.versleutelJson(b, 'x', 1));
      await wisser.vernietig(a, 'verzoek');
      const tot = Date.now() + 5_000;
      let gewist = false;
      while (!gewist && Date.now() < tot) {
        gewist = await lezer.ontsleutelJson('gegevens', va).then(
          () => false,
          (e: unknown) => e instanceof SleutelVernietigdFout,
        );
        if (!gewist) await new Promise((r) => setTimeout(r, 20));
      }
      expect(gewist).toBe(true);
      // The other deelnemer's key is untouched.
      expect(await lezer.ontsleutelJson('gegevens', vb)).toEqual({ naam: 'Piet' });
      // A rotation elsewhere: the reader's next value uses the new key, not the one it remembered.
      const nieuw = await wisser.roteer(b);
      let id = oud;
      while (id !== nieuw && Date.now() < tot) {
        id = sleutelIdVan(await lezer.versleutelJson(b, 'x', 1));
        if (id !== nieuw) await new Promise((r) => setTimeout(r, 20));
      }
      expect(id).toBe(nieuw);
    } finally {
      await Promise.all([wisser.sluit(), lezer.sluit()]);
    }
  });

  it('rotates a data key (old values still decrypt) and re-wraps every key under a new master key', async () => {
    const a = randomUUID();
    const oud = await kluis.versleutel(a, 'x', Buffer.from('een'));
    const nieuwId = await kluis.roteer(a);
    const nieuw = await kluis.versleutel(a, 'x', Buffer.from('twee'));
    expect(nieuw.subarray(3, 39).toString()).toBe(nieuwId);
    expect((await kluis.ontsleutel('x', oud)).toString()).toBe('een');

    const geroteerd = new Sleutelkluis(new LokaleKms('m2', { m1, m2 }), open, { cacheMs: 0 });
    expect(await geroteerd.herverpak()).toBeGreaterThan(0);
    await geroteerd.sluit();
    const alleenNieuw = new Sleutelkluis(new LokaleKms('m2', { m2 }), open, { cacheMs: 0 });
    try {
      expect((await alleenNieuw.ontsleutel('x', oud)).toString()).toBe('een');
      expect((await alleenNieuw.ontsleutel('x', nieuw)).toString()).toBe('twee');
    } finally {
      await alleenNieuw.sluit();
    }
    // The old master key alone no longer opens anything.
    await expect(kluis.ontsleutel('x', oud)).rejects.toThrow(/m2/);
  });

  it("the payload codec encrypts with the workflow's deelnemer key, names the key, and passes unencoded payloads through", async () => {
    const a = randomUUID();
    await kluis.koppelWorkflow('traject-1', a);
    const codec = new KluisPayloadCodec(kluis, async () => undefined);
    const p = { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode('{"naam":"Jan Jansen"}') };
    const [enc] = await codec.encode([p], { type: 'workflow', namespace: 'default', workflowId: 'traject-1' });
    expect(Buffer.from(enc!.data!).includes(Buffer.from('Jansen'))).toBe(false);
    const sleutelId = Buffer.from(enc!.metadata!['encryption-key-id']!).toString();
    expect((await kluis.sleutel(sleutelId)).deelnemerId).toBe(a);
    const [dec] = await codec.decode([enc!]);
    expect(Buffer.from(dec!.data!).toString()).toBe('{"naam":"Jan Jansen"}');
    const [door] = await codec.decode([p]);
    expect(door).toBe(p);

    const json = await codecServer(codec, 'decode', [
      {
        metadata: { encoding: Buffer.from('binary/encrypted').toString('base64'), 'encryption-key-id': Buffer.from(sleutelId).toString('base64') },
        data: Buffer.from(enc!.data!).toString('base64'),
      },
    ]);
    expect(Buffer.from(json.payloads[0]!.data!, 'base64').toString()).toBe('{"naam":"Jan Jansen"}');

    await kluis.vernietig(a, 'verzoek');
    await expect(codec.decode([enc!])).rejects.toBeInstanceOf(SleutelVernietigdFout);
  });
});
