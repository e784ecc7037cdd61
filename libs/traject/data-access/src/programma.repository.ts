import { EntityManager } from 'typeorm';
import type { DataSource } from 'typeorm';
import { assertSchemaName } from '@ketenregie/shared-platform';
import type { IsoDate } from '@ketenregie/shared-kernel';
import type { ProgrammaDefinitie, ProgrammaVersie } from '@ketenregie/traject-domain';

interface VersieRij {
  definitie: ProgrammaDefinitie;
  gepubliceerd_door: string;
  gepubliceerd_op: Date;
}

const rij = (r: VersieRij): ProgrammaVersie => ({ definitie: r.definitie, gepubliceerdDoor: r.gepubliceerd_door, gepubliceerdOp: r.gepubliceerd_op });

/**
 * Programmes and their versions (one aggregate). A version, once stored, never changes: a new
 * definition is a new version, so a running traject's pinned version stays what it started on.
 */
export class SqlProgrammaRepository {
  private readonly tProgramma: string;
  private readonly tVersie: string;

  constructor(private readonly ds: DataSource | EntityManager) {
    const bron = ds instanceof EntityManager ? ds.connection : ds;
    const schema = assertSchemaName(String((bron.options as { schema?: string }).schema));
    this.tProgramma = `"${schema}"."programma"`;
    this.tVersie = `"${schema}"."programma_versie"`;
  }

  /** Stores a new programme with its first version; `false` (nothing written) when the code is taken. */
  async maak(definitie: ProgrammaDefinitie, door: { sub: string; organisatie?: string }): Promise<boolean> {
    const run = async (m: EntityManager) => {
      const nieuw: unknown[] = await m.query(
        `INSERT INTO ${this.tProgramma} (code, aangemaakt_door, aangemaakt_door_organisatie) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [definitie.code, door.sub, door.organisatie ?? null],
      );
      if (nieuw.length === 0) return false;
      await this.schrijfVersie(m, definitie, door.sub);
      return true;
    };
    return this.ds instanceof EntityManager ? run(this.ds) : this.ds.transaction(run);
  }

  /** Adds a version; `false` (nothing written) when that version number exists already. */
  async voegVersieToe(definitie: ProgrammaDefinitie, door: { sub: string }): Promise<boolean> {
    return (await this.schrijfVersie(this.ds, definitie, door.sub)) > 0;
  }

  /** Stores shipped versions that are not stored yet (seed data); stored versions are left as they are. */
  async zaai(definities: readonly ProgrammaDefinitie[], door: string): Promise<number> {
    let nieuw = 0;
    for (const d of definities) {
      await this.ds.query(`INSERT INTO ${this.tProgramma} (code, aangemaakt_door) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [d.code, door]);
      nieuw += await this.schrijfVersie(this.ds, d, door);
    }
    return nieuw;
  }

  private async schrijfVersie(m: DataSource | EntityManager, d: ProgrammaDefinitie, door: string): Promise<number> {
    const rows: unknown[] = await m.query(
      `INSERT INTO ${this.tVersie} (code, versie, naam, geldig_vanaf, definitie, gepubliceerd_door) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code, versie) DO NOTHING RETURNING versie`,
      [d.code, d.versie, d.naam, d.geldigVanaf, JSON.stringify(d), door],
    );
    return rows.length;
  }

  /** Every version of a programme, oldest first (empty for an unknown code). */
  async versies(code: string): Promise<ProgrammaVersie[]> {
    const rows: VersieRij[] = await this.ds.query(`SELECT definitie, gepubliceerd_door, gepubliceerd_op FROM ${this.tVersie} WHERE code = $1 ORDER BY versie`, [
      code,
    ]);
    return rows.map(rij);
  }

  /** One version, or `undefined`. */
  async versie(code: string, versie: number): Promise<ProgrammaVersie | undefined> {
    const rows: VersieRij[] = await this.ds.query(`SELECT definitie, gepubliceerd_door, gepubliceerd_op FROM ${this.tVersie} WHERE code = $1 AND versie = $2`, [
      code,
      versie,
    ]);
    return rows[0] ? rij(rows[0]) : undefined;
  }

  /** The version a traject starting on `datum` follows: the highest one valid from that date on. */
  async geldigOp(code: string, datum: IsoDate): Promise<ProgrammaVersie | undefined> {
    const rows: VersieRij[] = await this.ds.query(
      `SELECT definitie, gepubliceerd_door, gepubliceerd_op FROM ${this.tVersie} WHERE code = $1 AND geldig_vanaf <= $2::date ORDER BY versie DESC LIMIT 1`,
      [code, datum],
    );
    return rows[0] ? rij(rows[0]) : undefined;
  }

  /** The latest version of every programme, by code. */
  async laatsteVersies(): Promise<ProgrammaVersie[]> {
    const rows: VersieRij[] = await this.ds.query(
      `SELECT DISTINCT ON (code) definitie, gepubliceerd_door, gepubliceerd_op FROM ${this.tVersie} ORDER BY code, versie DESC`,
    );
    return rows.map(rij);
  }
}
