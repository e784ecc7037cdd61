import type { Escalatie, Melding, TaakAanmaken, TaakRegel, TakenOverdragen, TermijnVerlopen } from '@ketenregie/traject-contracts';
import { TrajectSql, type Uitvoerder } from './traject.sql';

/** Tasks and notifications; every write is idempotent on (traject, termijn) or the activity key. */
export class SqlTakenRepository {
  private readonly sql: TrajectSql;

  constructor(ds: Uitvoerder) {
    this.sql = new TrajectSql(ds);
  }

  async maak(t: TaakAanmaken): Promise<void> {
    await this.sql.q(
      `INSERT INTO $S.taak (traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt, status) VALUES ($1, $2, $3, $4, $5, $6, 'open')
       ON CONFLICT (traject_id, termijn_id) DO NOTHING`,
      [t.trajectId, t.termijnId, t.taak, t.voor, t.toegewezenAan, t.vervalt],
    );
  }

  /** Marks the deadline overdue, creating its task when the deadline had none yet (phase limits). */
  async markeerVerlopen(t: TermijnVerlopen): Promise<void> {
    await this.sql.q(
      `INSERT INTO $S.taak (traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt, status, verlopen_op) VALUES ($1, $2, $3, 'coach', $4, $5, 'verlopen', now())
       ON CONFLICT (traject_id, termijn_id) DO UPDATE SET status = CASE WHEN taak.status = 'afgerond' THEN 'afgerond' ELSE 'verlopen' END,
         verlopen_op = COALESCE(taak.verlopen_op, now())`,
      [t.trajectId, t.termijnId, t.taak, t.toegewezenAan, t.vervalt],
    );
  }

  async escaleer(e: Escalatie): Promise<void> {
    await this.sql.q(
      `INSERT INTO $S.taak (traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt, status, verlopen_op, geescaleerd_naar, geescaleerd_op)
       VALUES ($1, $2, $3, 'regievoerder', $4, $5, 'verlopen', now(), $4, now())
       ON CONFLICT (traject_id, termijn_id) DO UPDATE SET geescaleerd_naar = EXCLUDED.geescaleerd_naar, geescaleerd_op = COALESCE(taak.geescaleerd_op, now())
       WHERE taak.status <> 'afgerond'`,
      [e.trajectId, e.termijnId, e.taak, e.regievoerderId, e.vervalt],
    );
  }

  async rondAf(trajectId: string, termijnId: string): Promise<void> {
    await this.sql.q(`UPDATE $S.taak SET status = 'afgerond', afgerond_op = COALESCE(afgerond_op, now()) WHERE traject_id = $1 AND termijn_id = $2`, [
      trajectId,
      termijnId,
    ]);
  }

  async draagOver(o: TakenOverdragen): Promise<void> {
    await this.sql.q(`UPDATE $S.taak SET toegewezen_aan = $3 WHERE traject_id = $1 AND toegewezen_aan = $2 AND status <> 'afgerond' AND voor = $4`, [
      o.trajectId,
      o.van,
      o.naar,
      o.rol,
    ]);
    if (o.rol === 'regievoerder') {
      await this.sql.q(`UPDATE $S.taak SET geescaleerd_naar = $3 WHERE traject_id = $1 AND geescaleerd_naar = $2 AND status <> 'afgerond'`, [
        o.trajectId,
        o.van,
        o.naar,
      ]);
    }
  }

  async meld(m: Melding): Promise<void> {
    await this.sql.q(`INSERT INTO $S.melding (sleutel, traject_id, aan, onderwerp) VALUES ($1, $2, $3, $4) ON CONFLICT (sleutel) DO NOTHING`, [
      m.sleutel,
      m.trajectId,
      m.aan,
      m.onderwerp,
    ]);
  }

  /** Open and overdue tasks of a professional, including escalations addressed to them, earliest first. */
  async openVoor(professionalId: string): Promise<TaakRegel[]> {
    const rows: {
      traject_id: string;
      termijn_id: string;
      soort: string;
      voor: 'coach' | 'regievoerder';
      toegewezen_aan: string;
      vervalt: string;
      status: TaakRegel['status'];
      geescaleerd_naar: string | null;
    }[] = await this.sql.q(
      `SELECT traject_id, termijn_id, soort, voor, toegewezen_aan, vervalt::text AS vervalt, status, geescaleerd_naar FROM $S.taak
         WHERE status <> 'afgerond' AND (toegewezen_aan = $1 OR geescaleerd_naar = $1) ORDER BY vervalt, traject_id, termijn_id`,
      [professionalId],
    );
    return rows.map((r) => ({
      trajectId: r.traject_id,
      termijnId: r.termijn_id,
      soort: r.soort,
      voor: r.voor,
      toegewezenAan: r.toegewezen_aan,
      vervalt: r.vervalt,
      status: r.status,
      geescaleerdNaar: r.geescaleerd_naar ?? undefined,
    }));
  }
}
