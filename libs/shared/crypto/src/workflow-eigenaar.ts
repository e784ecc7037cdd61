import { type DeelnemerVanWorkflow, eersteDeelnemer } from './payload-codec';
import { Pool } from 'pg';

/** Schemas a process finds a workflow's deelnemer in (tests: their own); a context left out is not asked. */
export interface WorkflowEigenaarSchemas {
  readonly traject?: string;
  readonly exchange?: string;
  readonly consent?: string;
  readonly plaatsing?: string;
}

/**
 * The deelnemer of a workflow, for the payload codec's key when the key store has no link for it
 * yet: a traject by its workflow id, a handover, a consent lifecycle and a placement by their opaque id, each
 * in its context's table (read only, one column). exchange-service, which does not see the
 * traject table, finds a traject through its handovers. Opens a small pool.
 */
export function workflowDeelnemerUitTabellen(
  url: string,
  schemas: WorkflowEigenaarSchemas,
): { deelnemerVan: DeelnemerVanWorkflow; sluit: () => Promise<void> } {
  let pool: Pool | undefined;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const opzoeken =
    (prefix: string, sql: string, sleutel: (id: string) => string): DeelnemerVanWorkflow =>
    async (workflowId) => {
      if (!workflowId.startsWith(prefix)) return undefined;
      const id = sleutel(workflowId);
      if (!uuid.test(id.replace(/^traject-/, ''))) return undefined;
      pool ??= new Pool({ connectionString: url, max: 2, application_name: 'ketenregie-kluis-eigenaar' });
      const { rows } = await pool.query<{ deelnemer_id: string }>(sql, [id]).catch(() => ({ rows: [] as { deelnemer_id: string }[] }));
      return rows[0]?.deelnemer_id;
    };
  return {
    deelnemerVan: eersteDeelnemer(
      ...(schemas.traject ? [opzoeken('traject-', `SELECT deelnemer_id::text FROM "${schemas.traject}".traject WHERE workflow_id = $1`, (w) => w)] : []),
      ...(schemas.exchange
        ? [
            opzoeken('overdracht-', `SELECT deelnemer_id::text FROM "${schemas.exchange}".overdracht WHERE id = $1::uuid`, (w) =>
              w.slice('overdracht-'.length),
            ),
            opzoeken('traject-', `SELECT deelnemer_id::text FROM "${schemas.exchange}".overdracht WHERE traject_id = $1 LIMIT 1`, (w) =>
              w.slice('traject-'.length),
            ),
          ]
        : []),
      ...(schemas.consent
        ? [
            opzoeken('toestemming-', `SELECT deelnemer_id::text FROM "${schemas.consent}".toestemming WHERE id = $1::uuid`, (w) =>
              w.slice('toestemming-'.length),
            ),
          ]
        : []),
      ...(schemas.plaatsing
        ? [opzoeken('plaatsing-', `SELECT deelnemer_id::text FROM "${schemas.plaatsing}".plaatsing WHERE id = $1::uuid`, (w) => w.slice('plaatsing-'.length))]
        : []),
    ),
    sluit: async () => {
      const p = pool;
      pool = undefined;
      await p?.end();
    },
  };
}
