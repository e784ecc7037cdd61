import { Client } from 'pg';
import { describeEachDatabase } from '@ketenregie/shared-testing';
import { OUTBOX_VOLGORDE_SQL } from './outbox-volgorde';

/** A feed reader as monitor-service reads an outbox: everything after its position, in order. */
async function lees(c: Client, tabel: string, na: number): Promise<number[]> {
  const { rows } = await c.query<{ volgnummer: string }>(`SELECT volgnummer FROM ${tabel} WHERE volgnummer > $1 ORDER BY volgnummer`, [na]);
  return rows.map((r) => Number(r.volgnummer));
}

describeEachDatabase('outbox order', (db) => {
  it('numbers the rows of two writers in commit order, so a reader that moves its position never passes a row still to come', async () => {
    const [eerste, tweede, lezer] = [
      new Client({ connectionString: db.url }),
      new Client({ connectionString: db.url }),
      new Client({ connectionString: db.url }),
    ];
    await Promise.all([eerste.connect(), tweede.connect(), lezer.connect()]);
    const tabel = `"${db.schema}".outbox`;
    try {
      await lezer.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
      await lezer.query(`CREATE TABLE ${tabel} (volgnummer bigserial PRIMARY KEY, wie text NOT NULL)`);
      const schrijf = async (c: Client, wie: string) => {
        await c.query(OUTBOX_VOLGORDE_SQL, [tabel]);
        await c.query(`INSERT INTO ${tabel} (wie) VALUES ($1)`, [wie]);
      };
      await eerste.query('BEGIN');
      await tweede.query('BEGIN');
      await schrijf(eerste, 'eerste');
      // The second writer waits for the first one's commit before its row gets a number.
      const tweedeKlaar = schrijf(tweede, 'tweede').then(() => tweede.query('COMMIT'));
      await new Promise((r) => setTimeout(r, 200));
      expect(await lees(lezer, tabel, 0)).toEqual([]);
      await eerste.query('COMMIT');
      await tweedeKlaar;
      const gezien = await lees(lezer, tabel, 0);
      expect(gezien).toHaveLength(2);
      const { rows } = await lezer.query<{ wie: string }>(`SELECT wie FROM ${tabel} ORDER BY volgnummer`);
      expect(rows.map((r) => r.wie)).toEqual(['eerste', 'tweede']);
    } finally {
      await Promise.all([eerste.end(), tweede.end(), lezer.end()]);
    }
  });
});
