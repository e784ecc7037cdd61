import type { Pilot, Rapportage, StuurgroepMelding } from '@ketenregie/monitoring-domain';
import { SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource } from 'typeorm';

/**
 * The application's `PilotRepository` port: pilots, decisions, published reports and the
 * stuurgroep's inbox; every write is keyed (`sleutel`) so a retried activity is a no-op.
 */
export class SqlPilotRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async maak(p: Pilot & { readonly aangemaaktDoor: string }): Promise<void> {
    await this.sql.q('INSERT INTO $S.pilot (id, stuurgroep_id, naam, programma, t0, t1, eind, aangemaakt_door) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      p.id,
      p.stuurgroepId,
      p.naam,
      p.programma,
      p.t0,
      p.t1,
      p.eind,
      p.aangemaaktDoor,
    ]);
  }

  async vind(id: string): Promise<Pilot | undefined> {
    const [r] = await this.sql.q<{ id: string; stuurgroep_id: string; naam: string; programma: string; t0: string; t1: string; eind: string }>(
      `SELECT p.id, p.stuurgroep_id, p.naam, p.programma, p.t0::text AS t0, p.t1::text AS t1,
              COALESCE((SELECT b.nieuwe_einddatum FROM $S.pilot_besluit b WHERE b.pilot_id = p.id AND b.nieuwe_einddatum IS NOT NULL ORDER BY b.vastgelegd_op DESC LIMIT 1), p.eind)::text AS eind
       FROM $S.pilot p WHERE p.id = $1`,
      [id],
    );
    return r ? { id: r.id, stuurgroepId: r.stuurgroep_id, naam: r.naam, programma: r.programma, t0: r.t0, t1: r.t1, eind: r.eind } : undefined;
  }

  async legBesluitVast(b: { sleutel: string; pilotId: string; besluit: string; door?: string; nieuweEinddatum?: string }): Promise<void> {
    await this.sql.q(
      'INSERT INTO $S.pilot_besluit (sleutel, pilot_id, besluit, door, nieuwe_einddatum) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sleutel) DO NOTHING',
      [b.sleutel, b.pilotId, b.besluit, b.door ?? null, b.nieuweEinddatum ?? null],
    );
  }

  /** Publishes a report once per key; a second call with the same key leaves the first as it was. */
  async publiceer(r: { sleutel: string; pilotId?: string; convenantId?: string; moment: string; peildatum: string; inhoud: unknown }): Promise<void> {
    await this.sql.q(
      `INSERT INTO $S.rapportage (sleutel, pilot_id, convenant_id, moment, peildatum, inhoud) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sleutel) DO NOTHING`,
      [r.sleutel, r.pilotId ?? null, r.convenantId ?? null, r.moment, r.peildatum, JSON.stringify(r.inhoud)],
    );
  }

  async rapportages(pilotId: string): Promise<Rapportage[]> {
    const rows = await this.sql.q<{ id: string; moment: string; peildatum: string; gepubliceerd_op: Date; inhoud: unknown }>(
      'SELECT id, moment, peildatum::text AS peildatum, gepubliceerd_op, inhoud FROM $S.rapportage WHERE pilot_id = $1 ORDER BY gepubliceerd_op, id',
      [pilotId],
    );
    return rows.map((r) => ({ id: r.id, moment: r.moment, peildatum: r.peildatum, gepubliceerdOp: r.gepubliceerd_op, inhoud: r.inhoud }));
  }

  async meld(m: { sleutel: string; stuurgroepId: string; aan: string; onderwerp: string; verwijzing: string }): Promise<void> {
    await this.sql.q(
      'INSERT INTO $S.stuurgroep_melding (sleutel, stuurgroep_id, aan, onderwerp, verwijzing) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sleutel) DO NOTHING',
      [m.sleutel, m.stuurgroepId, m.aan, m.onderwerp, m.verwijzing],
    );
  }

  /** The stuurgroep's inbox, newest first. */
  async meldingen(stuurgroepId: string): Promise<StuurgroepMelding[]> {
    const rows = await this.sql.q<StuurgroepMelding>(
      'SELECT aan, onderwerp, verwijzing, op FROM $S.stuurgroep_melding WHERE stuurgroep_id = $1 ORDER BY op DESC, sleutel',
      [stuurgroepId],
    );
    return rows.map((r) => ({ aan: r.aan, onderwerp: r.onderwerp, verwijzing: r.verwijzing, op: r.op }));
  }
}
