import type { BronGegevens, DossierInzage, DossierRecord } from '@ketenregie/exchange-domain';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import { kolom, SchemaSql, zonderLeeg } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';
import { ontsleutel } from './exchange.kolommen';
import { EXCHANGE_DOELEN } from './migrations/1764000000003-dossier-versleuteling';

/** The application's `DossierRepository` on PostgreSQL: the dossier delivered to a handover's receiver and the log of its reads. */
export class SqlDossierRepository {
  private readonly sql: SchemaSql;

  /**
   * @param sleutels the per-deelnemer key store the source data and the dossier are encrypted with
   * (the schema must be migrated with `exchangeMigraties`); without it they are stored as JSON
   */
  constructor(
    dataSource: DataSource,
    private readonly sleutels?: Gegevenskluis,
  ) {
    this.sql = new SchemaSql(dataSource);
  }

  private async deelnemerVan(overdrachtId: string): Promise<string> {
    const [r] = await this.sql.q(`SELECT deelnemer_id FROM $S.overdracht WHERE id = $1`, [overdrachtId]);
    if (!r) throw new Error('No such handover');
    return String(r['deelnemer_id']);
  }

  async slaDossierOp(d: { sleutel: string; overdrachtId: string; besluitId: string; categorieen: BronGegevens }): Promise<boolean> {
    const versleuteld = this.sleutels
      ? await this.sleutels.versleutelJson(await this.deelnemerVan(d.overdrachtId), EXCHANGE_DOELEN.dossier(d.overdrachtId), d.categorieen)
      : null;
    const rijen = await this.sql.q(
      `INSERT INTO $S.dossier (overdracht_id, sleutel, besluit_id, categorieen, ${versleuteld ? 'categorieen_versleuteld, ' : ''}verstrekking_gemeld_op)
       VALUES ($1, $2, $3, $4, ${versleuteld ? '$5, ' : ''}NULL)
       ON CONFLICT (overdracht_id) DO UPDATE
         SET sleutel = EXCLUDED.sleutel, besluit_id = EXCLUDED.besluit_id, categorieen = EXCLUDED.categorieen,
             ${versleuteld ? 'categorieen_versleuteld = EXCLUDED.categorieen_versleuteld, ' : ''}verstrekking_gemeld_op = NULL,
             geleverd_op = clock_timestamp(), ingetrokken_op = NULL, intrekking_reden = NULL
         WHERE $S.dossier.sleutel <> EXCLUDED.sleutel
       RETURNING overdracht_id`,
      versleuteld ? [d.overdrachtId, d.sleutel, d.besluitId, '{}', versleuteld] : [d.overdrachtId, d.sleutel, d.besluitId, JSON.stringify(d.categorieen)],
    );
    return rijen.length > 0;
  }

  /**
   * Whether the disclosure of the dossier delivered under activity key `sleutel` still has to be
   * logged: true until {@link verstrekkingGemeld}, also when the first attempt's log call failed
   * and the activity is retried (the dossier itself is stored only once).
   */
  async verstrekkingTeMelden(overdrachtId: string, sleutel: string): Promise<boolean> {
    const [r] = await this.sql.q(`SELECT 1 AS x FROM $S.dossier WHERE overdracht_id = $1 AND sleutel = $2 AND verstrekking_gemeld_op IS NULL`, [
      overdrachtId,
      sleutel,
    ]);
    return r !== undefined;
  }

  /** Records that the disclosure of the dossier delivered under `sleutel` is in the processing log. */
  async verstrekkingGemeld(overdrachtId: string, sleutel: string): Promise<void> {
    await this.sql.q(
      `UPDATE $S.dossier SET verstrekking_gemeld_op = clock_timestamp() WHERE overdracht_id = $1 AND sleutel = $2 AND verstrekking_gemeld_op IS NULL`,
      [overdrachtId, sleutel],
    );
  }

  async dossier(overdrachtId: string): Promise<DossierRecord | undefined> {
    // Only what the record holds; the plain column only when there is no ciphertext (it then holds `{}`, not worth parsing).
    const [r] = await this.sql.q(
      this.sleutels
        ? `SELECT overdracht_id, besluit_id, geleverd_op, ingetrokken_op, intrekking_reden, categorieen_versleuteld,
                  CASE WHEN categorieen_versleuteld IS NULL THEN categorieen END AS categorieen
           FROM $S.dossier WHERE overdracht_id = $1`
        : `SELECT overdracht_id, besluit_id, geleverd_op, ingetrokken_op, intrekking_reden, categorieen FROM $S.dossier WHERE overdracht_id = $1`,
      [overdrachtId],
    );
    if (!r) return undefined;
    return zonderLeeg({
      overdrachtId: String(r['overdracht_id']),
      besluitId: String(r['besluit_id']),
      categorieen: r['categorieen_versleuteld']
        ? await ontsleutel<BronGegevens>(this.sleutels, EXCHANGE_DOELEN.dossier(overdrachtId), r['categorieen_versleuteld'])
        : kolom.json<BronGegevens>(r['categorieen']),
      geleverdOp: kolom.tijd(r['geleverd_op']),
      ingetrokkenOp: r['ingetrokken_op'] ? kolom.tijd(r['ingetrokken_op']) : undefined,
      intrekkingReden: (r['intrekking_reden'] as string | null) ?? undefined,
    });
  }

  async trekDossierIn(overdrachtId: string, reden: string): Promise<void> {
    // The content and the sender's source data go at once; the row stays so that later reads are denied with a reason.
    await this.sql.transactie(async (m) => {
      await this.sql.q(
        `UPDATE $S.dossier SET categorieen = '{}'::jsonb, ${this.sleutels ? 'categorieen_versleuteld = NULL, ' : ''}ingetrokken_op = COALESCE(ingetrokken_op, clock_timestamp()), intrekking_reden = COALESCE(intrekking_reden, $2)
         WHERE overdracht_id = $1`,
        [overdrachtId, reden],
        m,
      );
      await this.sql.q(`DELETE FROM $S.overdracht_bron WHERE overdracht_id = $1`, [overdrachtId], m);
    });
  }

  async logInzage(i: DossierInzage): Promise<void> {
    await this.sql.q(`INSERT INTO $S.dossier_inzage (overdracht_id, organisatie, sub, uitkomst, reden, trace_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      i.overdrachtId,
      i.organisatie,
      i.sub,
      i.uitkomst,
      i.reden ?? null,
      i.traceId,
    ]);
  }

  async inzagen(overdrachtId: string): Promise<DossierInzage[]> {
    const rijen = await this.sql.q(`SELECT * FROM $S.dossier_inzage WHERE overdracht_id = $1 ORDER BY id`, [overdrachtId]);
    return rijen.map((r) =>
      zonderLeeg({
        overdrachtId: String(r['overdracht_id']),
        organisatie: String(r['organisatie']),
        sub: String(r['sub']),
        uitkomst: r['uitkomst'] as DossierInzage['uitkomst'],
        reden: (r['reden'] as string | null) ?? undefined,
        traceId: String(r['trace_id']),
        op: kolom.tijd(r['op']),
      }),
    );
  }
}
