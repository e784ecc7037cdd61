import { canoniekeJson, type RegisterVersie, type ReleaseProfiel, type Verwerkingsactiviteit, type Verwerkingsregister } from '@ketenregie/consent-domain';
import { ConflictError } from '@ketenregie/shared-kernel';
import { kolom, type Rij, SchemaSql } from '@ketenregie/shared-platform';
import { type DataSource } from 'typeorm';

function versie(r: Rij): RegisterVersie {
  return {
    versie: Number(r['versie']),
    geldigVanaf: kolom.tijd(r['geldig_vanaf']),
    activiteiten: kolom.json<Verwerkingsactiviteit[]>(r['activiteiten']),
    releaseProfielen: kolom.json<ReleaseProfiel[]>(r['release_profielen']),
  };
}

/** The application's `RegisterRepository` on PostgreSQL over `register_versie`. */
export class SqlRegisterRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async laad(): Promise<Verwerkingsregister> {
    const rijen = await this.sql.q(`SELECT versie, geldig_vanaf, activiteiten, release_profielen FROM $S.register_versie ORDER BY versie`);
    return { versies: rijen.map(versie) };
  }

  /** @throws ConflictError `CONSENT.REGISTER_VERSION_CHANGED` when a stored version differs from the one offered. */
  async voegOntbrekendeToe(versies: readonly RegisterVersie[]): Promise<number> {
    return this.sql.transactie(async (m) => {
      let toegevoegd = 0;
      for (const v of versies) {
        const [bestaand] = await this.sql.q(
          `SELECT versie, geldig_vanaf, activiteiten, release_profielen FROM $S.register_versie WHERE versie = $1`,
          [v.versie],
          m,
        );
        if (!bestaand) {
          await this.sql.q(
            `INSERT INTO $S.register_versie (versie, geldig_vanaf, activiteiten, release_profielen) VALUES ($1, $2, $3, $4)`,
            [v.versie, v.geldigVanaf, JSON.stringify(v.activiteiten), JSON.stringify(v.releaseProfielen)],
            m,
          );
          toegevoegd += 1;
        } else if (canoniekeJson(versie(bestaand)) !== canoniekeJson(v)) {
          throw new ConflictError({
            code: 'CONSENT.REGISTER_VERSION_CHANGED',
            detail: `Register version ${v.versie} is already in force with other content; publish a new version instead`,
          });
        }
      }
      return toegevoegd;
    });
  }
}
