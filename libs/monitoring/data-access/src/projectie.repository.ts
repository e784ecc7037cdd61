import {
  celMutaties,
  cellenVanFeit,
  pasToe,
  projectieCelSleutel,
  somCellen,
  type Feit,
  type ProjectieCel,
  type TrajectStand,
} from '@ketenregie/monitoring-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CELLEN_UIT_STANDEN, STANDEN_UIT_FEITEN } from './projectie.sql';

const BATCH = 5000;

/**
 * The application's `ProjectieRepository` port: stores received facts once per id and keeps the
 * traject stands and the stored cells in line with them in the same transaction; rebuilds both
 * from scratch, set-based in SQL.
 */
export class SqlProjectieRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  /** The last processed sequence number of a feed (0 before the first). */
  async positie(bron: string): Promise<number> {
    const [r] = await this.sql.q<{ laatste: string }>('SELECT laatste FROM $S.feed_positie WHERE bron = $1', [bron]);
    return r ? Number(r.laatste) : 0;
  }

  /**
   * Stores the facts not seen before (by id), applies exactly those to the stands and their cell
   * mutations to the stored cells, then moves the feed's position, all in one transaction: a page
   * delivered twice changes nothing.
   * @returns how many facts were new.
   */
  async verwerk(bron: string, feiten: readonly Feit[], laatste: number): Promise<number> {
    return this.sql.transactie(async (m) => {
      const nieuw = await this.slaOp(m, feiten);
      const mutaties: ProjectieCel[] = nieuw.flatMap(cellenVanFeit);
      const onderwerpen = [...new Set(nieuw.filter((f) => f.soort.startsWith('traject.')).map((f) => f.onderwerp))];
      if (onderwerpen.length > 0) {
        const rows = await this.sql.q<{ traject_id: string; stand: TrajectStand }>(
          'SELECT traject_id, stand FROM $S.traject_stand WHERE traject_id = ANY($1) FOR UPDATE',
          [onderwerpen],
          m,
        );
        const oud = new Map(rows.map((r) => [r.traject_id, r.stand]));
        const standen = new Map(oud);
        for (const f of nieuw) if (f.soort.startsWith('traject.')) standen.set(f.onderwerp, pasToe(standen.get(f.onderwerp), f));
        await this.schrijfStanden(m, [...standen.values()]);
        for (const [id, stand] of standen) mutaties.push(...celMutaties(oud.get(id), stand));
      }
      await this.schrijfCellen(m, somCellen(mutaties));
      await this.sql.q(
        `INSERT INTO $S.feed_positie (bron, laatste) VALUES ($1, $2)
         ON CONFLICT (bron) DO UPDATE SET laatste = GREATEST(feed_positie.laatste, EXCLUDED.laatste)`,
        [bron, laatste],
        m,
      );
      return nieuw.length;
    });
  }

  /**
   * Drops every stand and stored cell and derives them again from the stored facts, set-based in
   * SQL (the same folding as `pasToe` and the same counting as `cellenVanStand`). @returns the number of trajecten.
   */
  async herbouw(): Promise<number> {
    return this.sql.transactie(async (m) => {
      // A region's rebuild takes minutes, not a request's 30 s: this transaction only.
      await this.sql.q('SET LOCAL statement_timeout = 0', [], m);
      await this.sql.q('TRUNCATE $S.traject_stand, $S.basiscel', [], m);
      await this.sql.q(STANDEN_UIT_FEITEN, [], m);
      await this.sql.q(CELLEN_UIT_STANDEN, [], m);
      const [{ n }] = await this.sql.q<{ n: number }>('SELECT count(*)::int AS n FROM $S.traject_stand', [], m);
      return n;
    });
  }

  /** The stored cells (all, or those of one programme's trajecten), in key order. */
  async cellen(filter: { readonly programma?: string } = {}): Promise<ProjectieCel[]> {
    return this.sql.q<ProjectieCel>(
      `SELECT indicator, meting, categorie, partner, maand, dag, programma, aantal::int AS aantal FROM $S.basiscel
       WHERE aantal <> 0 ${filter.programma ? 'AND programma = $1' : ''}
       ORDER BY indicator, meting, categorie, partner, maand, dag, programma`,
      filter.programma ? [filter.programma] : [],
    );
  }

  /** Every traject stand. */
  async standen(): Promise<TrajectStand[]> {
    return (await this.sql.q<{ stand: TrajectStand }>('SELECT stand FROM $S.traject_stand')).map((r) => r.stand);
  }

  /** The stored facts of a kind (`toestemming.%`), in order of receipt. */
  async feiten(soortPatroon: string): Promise<Feit[]> {
    return this.sql.q<Feit>('SELECT id, soort, onderwerp, datum::text AS datum, data FROM $S.feit WHERE soort LIKE $1 ORDER BY nr', [soortPatroon]);
  }

  private async slaOp(m: EntityManager, feiten: readonly Feit[]): Promise<Feit[]> {
    if (feiten.length === 0) return [];
    const rows = await this.sql.q<{ id: string }>(
      `INSERT INTO $S.feit (id, soort, onderwerp, datum, data)
       SELECT (f->>'id')::uuid, f->>'soort', f->>'onderwerp', (f->>'datum')::date, f->'data' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(f, i)
       ORDER BY i
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(feiten)],
      m,
    );
    const nieuw = new Set(rows.map((r) => r.id));
    return feiten.filter((f) => nieuw.has(f.id));
  }

  /** Adds the mutations to the stored cells, in key order (two transactions never wait on each other's cells crosswise). */
  private async schrijfCellen(m: EntityManager, mutaties: readonly ProjectieCel[]): Promise<void> {
    if (mutaties.length === 0) return;
    const geordend = [...mutaties].sort((a, b) => (projectieCelSleutel(a) < projectieCelSleutel(b) ? -1 : 1));
    await this.sql.q(
      `INSERT INTO $S.basiscel (indicator, meting, categorie, partner, maand, dag, programma, aantal)
       SELECT indicator, meting, categorie, partner, maand, dag, programma, aantal
       FROM jsonb_to_recordset($1::jsonb) AS x(indicator text, meting text, categorie text, partner text, maand text, dag text, programma text, aantal bigint)
       ON CONFLICT (indicator, meting, categorie, partner, maand, dag, programma) DO UPDATE SET aantal = basiscel.aantal + EXCLUDED.aantal`,
      [JSON.stringify(geordend)],
      m,
    );
  }

  private async schrijfStanden(m: EntityManager, standen: readonly TrajectStand[]): Promise<void> {
    for (let i = 0; i < standen.length; i += BATCH) {
      await this.sql.q(
        `INSERT INTO $S.traject_stand (traject_id, stand)
         SELECT s->>'trajectId', s FROM jsonb_array_elements($1::jsonb) AS s
         ON CONFLICT (traject_id) DO UPDATE SET stand = EXCLUDED.stand`,
        [JSON.stringify(standen.slice(i, i + BATCH))],
        m,
      );
    }
  }
}
