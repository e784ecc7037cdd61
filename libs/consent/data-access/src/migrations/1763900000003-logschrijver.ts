import { sqlMigratie } from '@ketenregie/shared-platform';

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
export const Logschrijver1763900000003 = sqlMigratie('Logschrijver1763900000003', {
  up: (s) => [
    `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${LOGSCHRIJVER_ROL}') THEN
          CREATE ROLE ${LOGSCHRIJVER_ROL} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`,
    `
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${LOGSCHRIJVER_ROL}', 'MEMBER') THEN
          EXECUTE format('GRANT ${LOGSCHRIJVER_ROL} TO %I', current_user);
        END IF;
      END $$`,
    `GRANT USAGE ON SCHEMA ${s} TO ${LOGSCHRIJVER_ROL}`,
    `GRANT SELECT, INSERT ON ${s}.verwerking, ${s}.besluit TO ${LOGSCHRIJVER_ROL}`,
    `GRANT SELECT, UPDATE ON ${s}.keten_kop TO ${LOGSCHRIJVER_ROL}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${s}.verwerking FROM ${LOGSCHRIJVER_ROL}`,
  ],
  down: (s) => [`REVOKE ALL ON ${s}.verwerking, ${s}.besluit, ${s}.keten_kop FROM ${LOGSCHRIJVER_ROL}`, `REVOKE USAGE ON SCHEMA ${s} FROM ${LOGSCHRIJVER_ROL}`],
});
