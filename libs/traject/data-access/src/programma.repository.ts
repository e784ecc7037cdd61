import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@ketenregie/shared-kernel';
import type { ProgrammaDefinitie, ProgrammaVersie } from '@ketenregie/traject-domain';
import { TrajectSql, type Uitvoerder } from './traject.sql';

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
  private readonly sql: TrajectSql;

  constructor(ds: Uitvoerder) {
    this.sql = new TrajectSql(ds);
  }

  /** Stores a new programme with its first version; `false` (nothing written) when the code is taken. */
  async maak(definitie: ProgrammaDefinitie, door: { sub: string; organisatie?: string }): Promise<boolean> {
    return this.sql.transactie(async (m) => {
      const nieuw = await this.sql.q(
        `INSERT INTO $S.programma (code, aangemaakt_door, aangemaakt_door_organisatie) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [definitie.code, door.sub, door.organisatie ?? null],
        m,
      );
      if (nieuw.length === 0) return false;
      await this.schrijfVersie(definitie, door.sub, m);
      return true;
    });
  }

  /** Adds a version; `false` (nothing written) when that version number exists already. */
  async voegVersieToe(definitie: ProgrammaDefinitie, door: { sub: string }): Promise<boolean> {
    return (await this.schrijfVersie(definitie, door.sub)) > 0;
  }

  /** Stores shipped versions that are not stored yet (seed data); stored versions are left as they are. */
  async zaai(definities: readonly ProgrammaDefinitie[], door: string): Promise<number> {
    let nieuw = 0;
    for (const d of definities) {
      await this.sql.q(`INSERT INTO $S.programma (code, aangemaakt_door) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [d.code, door]);
      nieuw += await this.schrijfVersie(d, door);
    }
    return nieuw;
  }

  private async schrijfVersie(d: ProgrammaDefinitie, door: string, m?: EntityManager): Promise<number> {
    const rows = await this.sql.q(
      `INSERT INTO $S.programma_versie (code, versie, naam, geldig_vanaf, definitie, gepubliceerd_door) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code, versie) DO NOTHING RETURNING versie`,
      [d.code, d.versie, d.naam, d.geldigVanaf, JSON.stringify(d), door],
      m,
    );
    return rows.length;
  }

  /** Every version of a programme, oldest first (empty for an unknown code). */
  async versies(code: string): Promise<ProgrammaVersie[]> {
    const rows: VersieRij[] = await this.sql.q(
      `SELECT definitie, gepubliceerd_door, gepubliceerd_op FROM $S.programma_versie WHERE code = $1 ORDER BY versie`,
      [code],
    );
    return rows.map(rij);
  }

  /** One version, or `undefined`. */
  async versie(code: string, versie: number): Promise<ProgrammaVersie | undefined> {
    const rows: VersieRij[] = await this.sql.q(
      `SELECT definitie, gepubliceerd_door, gepubliceerd_op FROM $S.programma_versie WHERE code = $1 AND versie = $2`,
      [code, versie],
    );
    return rows[0] ? rij(rows[0]) : undefined;
  }

  /** The version a traject starting on `datum` follows: the highest one valid from that date on. */
  async geldigOp(code: string, datum: IsoDate): Promise<ProgrammaVersie | undefined> {
    const rows: VersieRij[] = await this.sql.q(
      `SELECT definitie, gepubliceerd_door, gepubliceerd_op FROM $S.programma_versie WHERE code = $1 AND geldig_vanaf <= $2::date ORDER BY versie DESC LIMIT 1`,
      [code, datum],
    );
    return rows[0] ? rij(rows[0]) : undefined;
  }

  /** The latest version of every programme, by code. */
  async laatsteVersies(): Promise<ProgrammaVersie[]> {
    const rows: VersieRij[] = await this.sql.q(
      `SELECT DISTINCT ON (code) definitie, gepubliceerd_door, gepubliceerd_op FROM $S.programma_versie ORDER BY code, versie DESC`,
    );
    return rows.map(rij);
  }
}
