import type { Herinnering } from '@ketenregie/consent-domain';
import type { SchemaSql } from '@ketenregie/shared-platform';
import type { EntityManager } from 'typeorm';

/** Stores an expiry reminder in the transaction `m` unless one exists for the consent; true when it was new. */
export async function bewaarHerinnering(sql: SchemaSql, m: EntityManager, h: Herinnering): Promise<boolean> {
  const rijen = await sql.q(
    `INSERT INTO $S.herinnering (toestemming_id, coach, aangemaakt_op) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING toestemming_id`,
    [h.toestemmingId, h.coach, h.aangemaaktOp],
    m,
  );
  return rijen.length > 0;
}

/** The coach's reminders of consents still in force (status `gegeven`), soonest expiry first, read in the transaction `m`. */
export async function herinneringenVoor(sql: SchemaSql, m: EntityManager, coach: string): Promise<readonly Herinnering[]> {
  return (await sql.q(
    `SELECT h.toestemming_id AS "toestemmingId", h.coach AS coach, h.aangemaakt_op AS "aangemaaktOp", t.deelnemer_id AS "deelnemerId", t.geldig_tot AS "geldigTot"
     FROM $S.herinnering h INNER JOIN $S.toestemming t ON t.id = h.toestemming_id
     WHERE h.coach = $1 AND t.status = 'gegeven' ORDER BY t.geldig_tot`,
    [coach],
    m,
  )) as unknown as Herinnering[];
}
