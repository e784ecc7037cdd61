import { pasToe, type Feit, type TrajectStand } from '@ketenregie/monitoring-domain';
import type { DataSource, EntityManager } from 'typeorm';

const BATCH = 5000;

/**
 * The application's `ProjectieRepository` port: stores received facts once per id and keeps the
 * traject stands in line with them in the same transaction; rebuilds the stands from scratch.
 */
export class TypeOrmProjectieRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The last processed sequence number of a feed (0 before the first). */
  async positie(bron: string): Promise<number> {
    const rows: { laatste: string }[] = await this.dataSource.query('SELECT laatste FROM monitoring.feed_positie WHERE bron = $1', [bron]);
    return rows.length > 0 ? Number(rows[0].laatste) : 0;
  }

  /**
   * Stores the facts not seen before (by id) and applies exactly those to the stands, then moves
   * the feed's position, all in one transaction: a page delivered twice changes nothing.
   * @returns how many facts were new.
   */
  async verwerk(bron: string, feiten: readonly Feit[], laatste: number): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const nieuw = await this.slaOp(m, feiten);
      const onderwerpen = [...new Set(nieuw.filter((f) => f.soort.startsWith('traject.')).map((f) => f.onderwerp))];
      if (onderwerpen.length > 0) {
        const rows: { traject_id: string; stand: TrajectStand }[] = await m.query(
          'SELECT traject_id, stand FROM monitoring.traject_stand WHERE traject_id = ANY($1) FOR UPDATE',
          [onderwerpen],
        );
        const standen = new Map(rows.map((r) => [r.traject_id, r.stand]));
        for (const f of nieuw) if (f.soort.startsWith('traject.')) standen.set(f.onderwerp, pasToe(standen.get(f.onderwerp), f));
        await this.schrijfStanden(m, [...standen.values()]);
      }
      await m.query(
        `INSERT INTO monitoring.feed_positie (bron, laatste) VALUES ($1, $2)
         ON CONFLICT (bron) DO UPDATE SET laatste = GREATEST(feed_positie.laatste, EXCLUDED.laatste)`,
        [bron, laatste],
      );
      return nieuw.length;
    });
  }

  /** Drops every stand and derives them again from the stored facts, in order of receipt (read in batches). @returns the number of trajecten. */
  async herbouw(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await m.query('TRUNCATE monitoring.traject_stand');
      const standen = new Map<string, TrajectStand>();
      let na = '0';
      for (;;) {
        // In order of receipt along the primary key; the other contexts' facts are skipped here, not by an index on their kind.
        const rows: { nr: string; soort: string; onderwerp: string; datum: string; data: Record<string, unknown> }[] = await m.query(
          `SELECT nr, soort, onderwerp, datum::text AS datum, data FROM monitoring.feit WHERE nr > $1 ORDER BY nr LIMIT ${BATCH * 10}`,
          [na],
        );
        if (rows.length === 0) break;
        for (const f of rows) if (f.soort.startsWith('traject.')) standen.set(f.onderwerp, pasToe(standen.get(f.onderwerp), { ...f, id: f.nr }));
        na = rows[rows.length - 1].nr;
      }
      await this.schrijfStanden(m, [...standen.values()]);
      return standen.size;
    });
  }

  /** Every traject stand. */
  async standen(): Promise<TrajectStand[]> {
    const rows: { stand: TrajectStand }[] = await this.dataSource.query('SELECT stand FROM monitoring.traject_stand');
    return rows.map((r) => r.stand);
  }

  /** The stored facts of a kind (`toestemming.%`), in order of receipt. */
  async feiten(soortPatroon: string): Promise<Feit[]> {
    const rows: { id: string; soort: string; onderwerp: string; datum: string; data: Record<string, unknown> }[] = await this.dataSource.query(
      'SELECT id, soort, onderwerp, datum::text AS datum, data FROM monitoring.feit WHERE soort LIKE $1 ORDER BY nr',
      [soortPatroon],
    );
    return rows;
  }

  private async slaOp(m: EntityManager, feiten: readonly Feit[]): Promise<Feit[]> {
    if (feiten.length === 0) return [];
    const rows: { id: string }[] = await m.query(
      `INSERT INTO monitoring.feit (id, soort, onderwerp, datum, data)
       SELECT (f->>'id')::uuid, f->>'soort', f->>'onderwerp', (f->>'datum')::date, f->'data' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(f, i)
       ORDER BY i
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(feiten)],
    );
    const nieuw = new Set(rows.map((r) => r.id));
    return feiten.filter((f) => nieuw.has(f.id));
  }

  private async schrijfStanden(m: EntityManager, standen: readonly TrajectStand[]): Promise<void> {
    for (let i = 0; i < standen.length; i += BATCH) {
      await m.query(
        `INSERT INTO monitoring.traject_stand (traject_id, stand)
         SELECT s->>'trajectId', s FROM jsonb_array_elements($1::jsonb) AS s
         ON CONFLICT (traject_id) DO UPDATE SET stand = EXCLUDED.stand`,
        [JSON.stringify(standen.slice(i, i + BATCH))],
      );
    }
  }
}
