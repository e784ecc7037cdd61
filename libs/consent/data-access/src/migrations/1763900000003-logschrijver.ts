import { schemaOf } from '@ketenregie/shared-platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database role the service writes the processing log through: insert and read only. */
export const LOGSCHRIJVER_ROL = 'ketenregie_logschrijver';

/**
 * A role that can only append to the processing log: `INSERT` and `SELECT` on the lines (and the
 * decisions written with them), `SELECT` and `UPDATE` on the chain heads, nothing else, and never
 * `UPDATE`, `DELETE` or `TRUNCATE` on a line. consent-service appends every line under this role
 * (`SET LOCAL ROLE`); a service that runs as a login role granted only this one cannot rewrite the
 * log even when the append-only triggers are gone. The role is cluster-wide and made once (a DBA
 * can make it beforehand; then the migrating user needs no `CREATEROLE`); the migrating user is
 * made a member so it may switch to it.
 */
export class Logschrijver1763900000003 implements MigrationInterface {
  name = 'Logschrijver1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${LOGSCHRIJVER_ROL}') THEN
          CREATE ROLE ${LOGSCHRIJVER_ROL} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${LOGSCHRIJVER_ROL}', 'MEMBER') THEN
          EXECUTE format('GRANT ${LOGSCHRIJVER_ROL} TO %I', current_user);
        END IF;
      END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${s} TO ${LOGSCHRIJVER_ROL}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON ${s}.verwerking, ${s}.besluit TO ${LOGSCHRIJVER_ROL}`);
    await queryRunner.query(`GRANT SELECT, UPDATE ON ${s}.keten_kop TO ${LOGSCHRIJVER_ROL}`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${s}.verwerking FROM ${LOGSCHRIJVER_ROL}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`REVOKE ALL ON ${s}.verwerking, ${s}.besluit, ${s}.keten_kop FROM ${LOGSCHRIJVER_ROL}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA ${s} FROM ${LOGSCHRIJVER_ROL}`);
  }
}
