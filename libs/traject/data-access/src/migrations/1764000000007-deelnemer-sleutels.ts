import { type Gegevenskluis, sleutelIdVan } from '@ketenregie/shared-crypto';
import { schemaOf } from '@ketenregie/shared-platform';
import type { TrajectOverzicht } from '@ketenregie/traject-contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { DeelnemerKluis } from '../deelnemer.crypto';
import { openbaarOverzicht, TRAJECT_DOELEN } from '../traject.sql';

const BATCH = 500;

/**
 * From one key for every deelnemer to a key per deelnemer: every BSN and personal record
 * encrypted with the single key is re-encrypted with the deelnemer's own data key, and every
 * overview and timeline event still in the clear is encrypted with it (the overview keeps only
 * its non-personal part readable). The tables are rewritten, so their live data files no longer
 * hold the old values (WAL segments and backups made before still do).
 *
 * A class per key pair: only traject-service, which holds the old key, runs it.
 */
export function deelnemerSleutels(oud: DeelnemerKluis, kluis: Gegevenskluis): new () => MigrationInterface {
  return class DeelnemerSleutels1764000000007 implements MigrationInterface {
    name = 'DeelnemerSleutels1764000000007';

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = `"${schemaOf(queryRunner)}"`;
      const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
      // Deelnemers: the old single key's ids never look like a data key's uuid.
      for (let na = '00000000-0000-0000-0000-000000000000'; ;) {
        const rows: { id: string; bsn_versleuteld: Buffer; bsn_sleutel_id: string; gegevens_versleuteld: Buffer; gegevens_sleutel_id: string }[] = await q(
          `SELECT id, bsn_versleuteld, bsn_sleutel_id, gegevens_versleuteld, gegevens_sleutel_id FROM ${s}.deelnemer WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
          [na],
        );
        for (const r of rows) {
          if (sleutelIdVan(r.gegevens_versleuteld) !== undefined) continue;
          const bsn = oud.ontsleutel('bsn', { sleutelId: r.bsn_sleutel_id, data: r.bsn_versleuteld });
          const { voornamen, achternaam, geboortedatum, contact, huishoudenId } = oud.ontsleutelGegevens(r.id, {
            sleutelId: r.gegevens_sleutel_id,
            data: r.gegevens_versleuteld,
          });
          const b = await kluis.versleutel(r.id, TRAJECT_DOELEN.bsn, Buffer.from(bsn, 'utf8'));
          const g = await kluis.versleutelJson(r.id, TRAJECT_DOELEN.gegevens(r.id), { voornamen, achternaam, geboortedatum, contact, huishoudenId });
          await q(`UPDATE ${s}.deelnemer SET bsn_versleuteld = $2, bsn_sleutel_id = $3, gegevens_versleuteld = $4, gegevens_sleutel_id = $5 WHERE id = $1`, [
            r.id,
            b,
            sleutelIdVan(b),
            g,
            sleutelIdVan(g),
          ]);
        }
        if (rows.length < BATCH) break;
        na = (rows[rows.length - 1] as { id: string }).id;
      }
      for (;;) {
        const rows: { traject_id: string; deelnemer_id: string; overzicht: TrajectOverzicht }[] = await q(
          `SELECT o.traject_id, t.deelnemer_id, o.overzicht FROM ${s}.traject_overzicht o JOIN ${s}.traject t ON t.id = o.traject_id
           WHERE o.overzicht_versleuteld IS NULL ORDER BY o.traject_id LIMIT ${BATCH}`,
        );
        for (const r of rows) {
          const v = await kluis.versleutelJson(r.deelnemer_id, TRAJECT_DOELEN.overzicht(r.traject_id), r.overzicht);
          await q(`UPDATE ${s}.traject_overzicht SET overzicht = $2, overzicht_versleuteld = $3 WHERE traject_id = $1`, [
            r.traject_id,
            JSON.stringify(openbaarOverzicht(r.overzicht)),
            v,
          ]);
        }
        if (rows.length < BATCH) break;
      }
      for (;;) {
        const rows: { traject_id: string; nr: number; deelnemer_id: string; gegevens: unknown }[] = await q(
          `SELECT g.traject_id, g.nr, t.deelnemer_id, g.gegevens FROM ${s}.tijdlijn_gebeurtenis g JOIN ${s}.traject t ON t.id = g.traject_id
           WHERE g.gegevens_versleuteld IS NULL ORDER BY g.traject_id, g.nr LIMIT ${BATCH}`,
        );
        for (const r of rows) {
          const v = await kluis.versleutelJson(r.deelnemer_id, TRAJECT_DOELEN.tijdlijn(r.traject_id, r.nr), r.gegevens);
          await q(`UPDATE ${s}.tijdlijn_gebeurtenis SET gegevens = '{}'::jsonb, gegevens_versleuteld = $3 WHERE traject_id = $1 AND nr = $2`, [
            r.traject_id,
            r.nr,
            v,
          ]);
        }
        if (rows.length < BATCH) break;
      }
      // The rows' pre-update versions stay in the data files until they are rewritten.
      await q(`CLUSTER ${s}.deelnemer USING deelnemer_pkey`);
      await q(`CLUSTER ${s}.traject_overzicht USING traject_overzicht_pkey`);
      await q(`CLUSTER ${s}.tijdlijn_gebeurtenis USING tijdlijn_gebeurtenis_pkey`);
    }

    async down(): Promise<void> {
      throw new Error('Per-deelnemer keys are not converted back to a single key');
    }
  };
}
