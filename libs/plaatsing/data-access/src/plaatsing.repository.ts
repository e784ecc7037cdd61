import type { PlaatsingUitkomstVerwerken } from '@ketenregie/plaatsing-contracts';
import {
  plaatsingError,
  type OpgeslagenTaak,
  type PlaatsingOverzicht,
  type TaakOnderwerp,
  type Werkgeversweergave,
  type Wie,
} from '@ketenregie/plaatsing-domain';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { SleutelVernietigdFout } from '@ketenregie/shared-crypto';
import { feedRij, kolom, OUTBOX_VOLGORDE_SQL, type Rij, SchemaSql } from '@ketenregie/shared-platform';
import { type DataSource, QueryFailedError } from 'typeorm';
import { type Contacten, openbaarOverzicht, PLAATSING_DOELEN, type PlaatsingKluis, versleutelContacten } from './plaatsing.crypto';
import type { OpgeslagenOverzicht } from './plaatsing.schema';

/** A stored placement (the application's `PlaatsingRecord` port shape). */
interface PlaatsingRecord {
  readonly overzicht: PlaatsingOverzicht;
  readonly kandidaat: Werkgeversweergave;
  readonly besluitId?: string;
}

/** A CloudEvent for the outbox (the application's `UitgaandeGebeurtenis`). */
interface UitgaandeGebeurtenis {
  readonly id: string;
  readonly sleutel: string;
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
}

/** One event of a placement's timeline (`plaatsing.gebeurtenis`: coded, no personal data). */
export interface PlaatsingGebeurtenisRij {
  readonly plaatsingId: string;
  readonly nr: number;
  readonly datum: string;
  readonly soort: string;
  readonly gegevens: Record<string, string | number | boolean>;
}

/** One event of the outbox (`plaatsing.outbox`), written in the transaction of the outcome that caused it. */
export interface PlaatsingOutboxRij {
  readonly volgnummer: string;
  readonly id: string;
  readonly sleutel: string;
  readonly type: string;
  readonly subject: string;
  readonly data: Record<string, string | number | boolean>;
  readonly tijd: Date;
  readonly bezorgdOp: Date | null;
}

/** `count` rows of `breedte` parameters each: `($1, $2), ($3, $4)`. */
const waarden = (count: number, breedte: number): string =>
  Array.from({ length: count }, (_, i) => `(${Array.from({ length: breedte }, (_, j) => `$${i * breedte + j + 1}`).join(', ')})`).join(', ');

/**
 * The application's `PlaatsingRepository` over `plaatsing.plaatsing`, its timeline, tasks and
 * outbox. What the employer may see of the deelnemer is encrypted with the deelnemer's own key, the
 * employer's contact persons with the system key; the overview is stored without them. A placement
 * whose deelnemer was erased (their key destroyed) no longer exists for anyone.
 */
export class SqlPlaatsingRepository {
  private readonly sql: SchemaSql;

  constructor(
    ds: DataSource,
    private readonly kluis: PlaatsingKluis,
  ) {
    this.sql = new SchemaSql(ds);
  }

  private async naarRecord(r: Rij): Promise<PlaatsingRecord | undefined> {
    const id = String(r['id']);
    try {
      const kandidaat = await this.kluis.ontsleutelJson<Werkgeversweergave>(PLAATSING_DOELEN.kandidaat(id), r['kandidaat_versleuteld'] as Buffer);
      const contacten = await this.kluis.ontsleutelJson<Contacten>(PLAATSING_DOELEN.contact(id), r['contact_versleuteld'] as Buffer);
      const opgeslagen = kolom.json<OpgeslagenOverzicht>(r['overzicht']);
      const overzicht: PlaatsingOverzicht = { ...opgeslagen, werkgever: { organisatieId: opgeslagen.werkgever.organisatieId, ...contacten } };
      const besluitId = kolom.tekst(r['besluit_id']);
      return { overzicht, kandidaat, ...(besluitId ? { besluitId } : {}) };
    } catch (error) {
      if (error instanceof SleutelVernietigdFout) return undefined;
      throw error;
    }
  }

  private async naarRecords(rows: Rij[]): Promise<PlaatsingRecord[]> {
    const records: PlaatsingRecord[] = [];
    for (const row of rows) {
      const r = await this.naarRecord(row);
      if (r) records.push(r);
    }
    return records;
  }

  async voegToe(r: PlaatsingRecord): Promise<void> {
    const o = r.overzicht;
    const kandidaatVersleuteld = await this.kluis.versleutelJson(o.deelnemerId, PLAATSING_DOELEN.kandidaat(o.plaatsingId), r.kandidaat);
    const contactVersleuteld = await versleutelContacten(this.kluis, PLAATSING_DOELEN.contact(o.plaatsingId), o.werkgever);
    try {
      await this.sql.q(
        `INSERT INTO $S.plaatsing (id, vacature_id, werkgever_id, deelnemer_id, coach_organisatie, regievoerder_organisatie, jobcoach_organisatie,
           jobcoach_professional, fase, versie, overzicht, kandidaat_versleuteld, contact_versleuteld, besluit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          o.plaatsingId,
          o.vacatureId,
          o.werkgever.organisatieId,
          o.deelnemerId,
          o.coach.organisatieId,
          o.regievoerder.organisatieId,
          o.jobcoach.organisatieId,
          o.jobcoach.professional,
          o.fase,
          o.versie,
          JSON.stringify(openbaarOverzicht(o)),
          kandidaatVersleuteld,
          contactVersleuteld,
          r.besluitId ?? null,
        ],
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw plaatsingError('PLAATSING.LOOPT_AL', 'This deelnemer already has a running placement on this vacancy.');
      }
      throw error;
    }
  }

  async vind(id: string): Promise<PlaatsingRecord | undefined> {
    const [r] = await this.sql.q(`SELECT * FROM $S.plaatsing WHERE id = $1`, [id]);
    return r ? this.naarRecord(r) : undefined;
  }

  async zoek(f: { readonly organisatie: string; readonly professional: string }): Promise<PlaatsingRecord[]> {
    const rows = await this.sql.q(
      `SELECT * FROM $S.plaatsing
       WHERE werkgever_id = $1 OR coach_organisatie = $1 OR regievoerder_organisatie = $1 OR (jobcoach_organisatie = $1 AND jobcoach_professional = $2)
       ORDER BY aangemaakt_op`,
      [f.organisatie, f.professional],
    );
    return this.naarRecords(rows);
  }

  async vanWerkgever(werkgeverId: string): Promise<PlaatsingRecord[]> {
    return this.naarRecords(await this.sql.q(`SELECT * FROM $S.plaatsing WHERE werkgever_id = $1 ORDER BY aangemaakt_op`, [werkgeverId]));
  }

  async verwerk(u: PlaatsingUitkomstVerwerken, gebeurtenissen: readonly UitgaandeGebeurtenis[]): Promise<void> {
    const contactVersleuteld = await versleutelContacten(this.kluis, PLAATSING_DOELEN.contact(u.plaatsingId), u.overzicht.werkgever);
    await this.sql.transactie(async (m) => {
      await this.sql.q(
        `UPDATE $S.plaatsing SET overzicht = $3, contact_versleuteld = $4, fase = $5, versie = $2, werkgever_id = $6 WHERE id = $1 AND versie <= $2`,
        [
          u.plaatsingId,
          u.overzicht.versie,
          JSON.stringify(openbaarOverzicht(u.overzicht)),
          contactVersleuteld,
          u.overzicht.fase,
          u.overzicht.werkgever.organisatieId,
        ],
        m,
      );
      if (u.gebeurtenissen.length > 0) {
        await this.sql.q(
          `INSERT INTO $S.gebeurtenis (plaatsing_id, nr, datum, soort, gegevens) VALUES ${waarden(u.gebeurtenissen.length, 5)} ON CONFLICT DO NOTHING`,
          u.gebeurtenissen.flatMap((g) => [u.plaatsingId, g.nr, g.datum, g.soort, JSON.stringify(g.gegevens)]),
          m,
        );
      }
      if (u.taken.length > 0) {
        await this.sql.q(
          `INSERT INTO $S.taak (sleutel, plaatsing_id, voor, onderwerp, vervalt) VALUES ${waarden(u.taken.length, 5)} ON CONFLICT DO NOTHING`,
          u.taken.flatMap((t) => [t.sleutel, u.plaatsingId, t.voor, t.onderwerp, t.vervalt]),
          m,
        );
      }
      if (gebeurtenissen.length > 0) {
        await this.sql.q(OUTBOX_VOLGORDE_SQL, [`${this.sql.schema}.outbox`], m);
        await this.sql.q(
          `INSERT INTO $S.outbox (id, sleutel, type, subject, data) VALUES ${waarden(gebeurtenissen.length, 5)} ON CONFLICT DO NOTHING`,
          gebeurtenissen.flatMap((g) => [g.id, g.sleutel, g.type, g.subject, JSON.stringify(g.data)]),
          m,
        );
      }
    });
  }

  async taken(plaatsingIds: readonly string[]): Promise<ReadonlyMap<string, readonly OpgeslagenTaak[]>> {
    const per = new Map<string, OpgeslagenTaak[]>();
    if (plaatsingIds.length === 0) return per;
    const rows = await this.sql.q(
      `SELECT sleutel, plaatsing_id, voor, onderwerp, vervalt::text AS vervalt FROM $S.taak WHERE plaatsing_id = ANY($1::uuid[]) ORDER BY vervalt`,
      [[...plaatsingIds]],
    );
    for (const r of rows) {
      const plaatsingId = String(r['plaatsing_id']);
      const lijst = per.get(plaatsingId) ?? [];
      lijst.push({ sleutel: String(r['sleutel']), voor: r['voor'] as Wie, onderwerp: r['onderwerp'] as TaakOnderwerp, vervalt: String(r['vervalt']) });
      per.set(plaatsingId, lijst);
    }
    return per;
  }

  /** The placement's timeline, oldest first. */
  async tijdlijn(plaatsingId: string): Promise<PlaatsingGebeurtenisRij[]> {
    const rows = await this.sql.q(`SELECT plaatsing_id, nr, datum::text AS datum, soort, gegevens FROM $S.gebeurtenis WHERE plaatsing_id = $1 ORDER BY nr`, [
      plaatsingId,
    ]);
    return rows.map((r) => ({
      plaatsingId: String(r['plaatsing_id']),
      nr: Number(r['nr']),
      datum: String(r['datum']),
      soort: String(r['soort']),
      gegevens: kolom.json<PlaatsingGebeurtenisRij['gegevens']>(r['gegevens']),
    }));
  }

  /** The outbox after sequence `na` as feed rows (the application's `PlaatsingFeed`); the business date is the event's own. */
  async gebeurtenissenNa(na: number, max: number): Promise<FeedRij[]> {
    const rows = await this.sql.q(`SELECT volgnummer, id, type, subject, data, tijd FROM $S.outbox WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`, [
      na,
      max,
    ]);
    return rows.map((r) => {
      const data = kolom.json<Record<string, unknown>>(r['data']);
      return feedRij(r, typeof data['datum'] === 'string' ? data['datum'] : kolom.tijd(r['tijd']).toISOString().slice(0, 10), data);
    });
  }

  /** Events not delivered yet, in order (the outbox a monitoring projection reads). */
  async openUitgaand(max = 100): Promise<PlaatsingOutboxRij[]> {
    const rows = await this.sql.q(`SELECT * FROM $S.outbox WHERE bezorgd_op IS NULL ORDER BY volgnummer LIMIT $1`, [max]);
    return rows.map((r) => ({
      volgnummer: String(r['volgnummer']),
      id: String(r['id']),
      sleutel: String(r['sleutel']),
      type: String(r['type']),
      subject: String(r['subject']),
      data: kolom.json<PlaatsingOutboxRij['data']>(r['data']),
      tijd: kolom.tijd(r['tijd']),
      bezorgdOp: r['bezorgd_op'] ? kolom.tijd(r['bezorgd_op']) : null,
    }));
  }
}
