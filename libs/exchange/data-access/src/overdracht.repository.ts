import type { Afwijzing, BronGegevens, OverdrachtRecord, StapRecord, TaakRecord, UitgaandeGebeurtenis } from '@ketenregie/exchange-domain';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import type { IsoDate } from '@ketenregie/shared-kernel';
import { kolom, type Rij, SchemaSql, zonderLeeg } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';
import { ontsleutel, partijKolommen } from './exchange.kolommen';
import { EXCHANGE_DOELEN } from './migrations/1764000000003-dossier-versleuteling';
import { publiceer } from './outbox.repository';

function overdrachtVan(r: Rij): OverdrachtRecord {
  return zonderLeeg({
    id: String(r['id']),
    deelnemerId: String(r['deelnemer_id']),
    trajectId: (r['traject_id'] as string | null) ?? undefined,
    zender: kolom.json<OverdrachtRecord['zender']>(r['zender']),
    ontvanger: kolom.json<OverdrachtRecord['ontvanger']>(r['ontvanger']),
    regievoerder: String(r['regievoerder']),
    regievoerderOrganisatie: String(r['regievoerder_organisatie']),
    reden: String(r['reden']),
    overTeNemen: r['over_te_nemen'] as string[],
    voorgesteldEersteGesprek: kolom.datum(r['voorgesteld_eerste_gesprek']),
    status: r['status'] as OverdrachtRecord['status'],
    termijn: r['termijn'] ? kolom.json<OverdrachtRecord['termijn']>(r['termijn']) : undefined,
    afwijzingen: kolom.json<Afwijzing[]>(r['afwijzingen']),
    driegesprek: kolom.datum(r['driegesprek']),
    aangevraagdOp: kolom.tijd(r['aangevraagd_op']),
    bijgewerktOp: kolom.tijd(r['bijgewerkt_op']),
  });
}

/** The application's `OverdrachtRepository` on PostgreSQL: handover requests, their source data and the tasks of their steps. */
export class SqlOverdrachtRepository {
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

  async voegOverdrachtToe(o: OverdrachtRecord, bron: BronGegevens, g: UitgaandeGebeurtenis): Promise<void> {
    await this.sql.transactie(async (m) => {
      await this.sql.q(
        `INSERT INTO $S.overdracht (id, deelnemer_id, traject_id, zender, zender_organisatie, ontvanger, ontvanger_organisatie, regievoerder, reden,
           over_te_nemen, voorgesteld_eerste_gesprek, status, regievoerder_organisatie)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          o.id,
          o.deelnemerId,
          o.trajectId ?? null,
          ...partijKolommen(o),
          o.regievoerder,
          o.reden,
          [...o.overTeNemen],
          o.voorgesteldEersteGesprek ?? null,
          o.status,
          o.regievoerderOrganisatie,
        ],
        m,
      );
      if (this.sleutels) {
        const v = await this.sleutels.versleutelJson(o.deelnemerId, EXCHANGE_DOELEN.bron(o.id), bron);
        await this.sql.q(`INSERT INTO $S.overdracht_bron (overdracht_id, gegevens, gegevens_versleuteld) VALUES ($1, '{}'::jsonb, $2)`, [o.id, v], m);
      } else {
        await this.sql.q(`INSERT INTO $S.overdracht_bron (overdracht_id, gegevens) VALUES ($1, $2)`, [o.id, JSON.stringify(bron)], m);
      }
      await publiceer(this.sql, m, g);
    });
  }

  async overdracht(id: string): Promise<OverdrachtRecord | undefined> {
    const [r] = await this.sql.q(`SELECT * FROM $S.overdracht WHERE id = $1`, [id]);
    return r ? overdrachtVan(r) : undefined;
  }

  async verwijderOverdracht(id: string): Promise<void> {
    await this.sql.transactie(async (m) => {
      const subject = `overdracht/${id}`;
      await this.sql.q(`DELETE FROM $S.outbox_aflevering WHERE event_id IN (SELECT id FROM $S.outbox WHERE subject = $1)`, [subject], m);
      await this.sql.q(`DELETE FROM $S.outbox WHERE subject = $1`, [subject], m);
      for (const tabel of ['taak', 'dossier_inzage', 'dossier', 'overdracht_bron'])
        await this.sql.q(`DELETE FROM $S.${tabel} WHERE overdracht_id = $1`, [id], m);
      await this.sql.q(`DELETE FROM $S.overdracht WHERE id = $1`, [id], m);
    });
  }

  async overdrachtenVan(organisatie: string): Promise<OverdrachtRecord[]> {
    const rijen = await this.sql.q(`SELECT * FROM $S.overdracht WHERE zender_organisatie = $1 OR ontvanger_organisatie = $1 ORDER BY aangevraagd_op DESC, id`, [
      organisatie,
    ]);
    return rijen.map(overdrachtVan);
  }

  async legAfwijzingVast(id: string, afwijzing: Afwijzing): Promise<void> {
    await this.sql.q(`UPDATE $S.overdracht SET afwijzingen = afwijzingen || $2::jsonb, bijgewerkt_op = clock_timestamp() WHERE id = $1`, [
      id,
      JSON.stringify([afwijzing]),
    ]);
  }

  async legDriegesprekVast(id: string, datum: IsoDate | undefined): Promise<void> {
    await this.sql.q(`UPDATE $S.overdracht SET driegesprek = $2, bijgewerkt_op = clock_timestamp() WHERE id = $1`, [id, datum ?? null]);
  }

  async bron(id: string): Promise<BronGegevens | undefined> {
    const [r] = await this.sql.q(`SELECT * FROM $S.overdracht_bron WHERE overdracht_id = $1`, [id]);
    if (!r) return undefined;
    return r['gegevens_versleuteld']
      ? ontsleutel<BronGegevens>(this.sleutels, EXCHANGE_DOELEN.bron(id), r['gegevens_versleuteld'])
      : kolom.json<BronGegevens>(r['gegevens']);
  }

  async registreerStap(stap: StapRecord): Promise<boolean> {
    return this.sql.transactie(async (m) => {
      if (!(await publiceer(this.sql, m, stap.gebeurtenis))) return false;
      await this.sql.q(
        `UPDATE $S.overdracht SET status = $2, termijn = $3, bijgewerkt_op = clock_timestamp() WHERE id = $1`,
        [stap.overdrachtId, stap.status, stap.termijn ? JSON.stringify(stap.termijn) : null],
        m,
      );
      if (stap.taak) {
        const t = stap.taak;
        await this.sql.q(
          `INSERT INTO $S.taak (sleutel, overdracht_id, organisatie, voor, soort, vervalt) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [t.sleutel, t.overdrachtId, t.organisatie, t.voor, t.soort, t.vervalt ?? null],
          m,
        );
      }
      return true;
    });
  }

  async takenVan(organisatie: string): Promise<TaakRecord[]> {
    const rijen = await this.sql.q(`SELECT * FROM $S.taak WHERE organisatie = $1 ORDER BY aangemaakt_op, sleutel`, [organisatie]);
    return rijen.map((r) =>
      zonderLeeg({
        sleutel: String(r['sleutel']),
        overdrachtId: String(r['overdracht_id']),
        organisatie: String(r['organisatie']),
        voor: String(r['voor']),
        soort: String(r['soort']),
        vervalt: kolom.datum(r['vervalt']),
      }),
    );
  }
}
