import type { Aflevering, UitgaandeGebeurtenis } from '@ketenregie/exchange-domain';
import type { FeedRij } from '@ketenregie/shared-kernel';
import { feedRij, kolom, OUTBOX_VOLGORDE_SQL, SchemaSql } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Publishes an event in the transaction `m` of the write it reports: inserts the event and one
 * delivery per matching subscription of its recipients; false when the key exists.
 */
export async function publiceer(sql: SchemaSql, m: EntityManager, g: UitgaandeGebeurtenis): Promise<boolean> {
  await sql.q(OUTBOX_VOLGORDE_SQL, [`${sql.schema}.outbox`], m);
  const rijen = await sql.q(
    `INSERT INTO $S.outbox (id, sleutel, type, subject, dataref, data, ontvangers) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (sleutel) DO NOTHING RETURNING id`,
    [g.id, g.sleutel, g.type, g.subject, g.dataref, JSON.stringify(g.data), [...g.ontvangers]],
    m,
  );
  if (rijen.length === 0) return false;
  await sql.q(
    `INSERT INTO $S.outbox_aflevering (event_id, abonnement_id)
     SELECT $1, a.id FROM $S.abonnement a WHERE a.organisatie = ANY($2) AND (a.types IS NULL OR $3 = ANY(a.types))`,
    [g.id, [...g.ontvangers], g.type],
    m,
  );
  return true;
}

/** The application's `OutboxRepository` on PostgreSQL: the feed of the outbox and its deliveries to the subscriptions. */
export class SqlOutboxRepository {
  private readonly sql: SchemaSql;

  constructor(dataSource: DataSource) {
    this.sql = new SchemaSql(dataSource);
  }

  async gebeurtenissenNa(na: number, max: number): Promise<FeedRij[]> {
    const rijen = await this.sql.q(
      `SELECT o.id, o.volgnummer, o.type, o.subject, o.data, o.tijd, (o.tijd AT TIME ZONE 'Europe/Amsterdam')::date::text AS datum,
              COALESCE(ov.zender_organisatie, v.zender_organisatie) AS zender, COALESCE(ov.ontvanger_organisatie, v.ontvanger_organisatie) AS ontvanger
       FROM $S.outbox o
       LEFT JOIN $S.overdracht ov ON o.subject = 'overdracht/' || ov.id
       LEFT JOIN $S.verwijzing v ON o.subject = 'verwijzing/' || v.id
       WHERE o.volgnummer > $1 ORDER BY o.volgnummer LIMIT $2`,
      [na, max],
    );
    return rijen.map((r) =>
      feedRij(r, String(r['datum']), {
        ...kolom.json<Record<string, unknown>>(r['data']),
        zender: r['zender'] ?? 'onbekend',
        ontvanger: r['ontvanger'] ?? 'onbekend',
      }),
    );
  }

  async claimAfleveringen(max: number, leaseMs: number): Promise<Aflevering[]> {
    const rijen = await this.sql.q(
      `WITH due AS (
         SELECT event_id, abonnement_id FROM $S.outbox_aflevering
         WHERE afgeleverd_op IS NULL AND opgegeven_op IS NULL AND volgende_poging <= clock_timestamp()
         ORDER BY volgende_poging LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE $S.outbox_aflevering a SET volgende_poging = clock_timestamp() + ($2 || ' milliseconds')::interval, pogingen = a.pogingen + 1
       FROM due WHERE a.event_id = due.event_id AND a.abonnement_id = due.abonnement_id
       RETURNING a.event_id, a.abonnement_id, a.pogingen`,
      [max, String(leaseMs)],
    );
    if (rijen.length === 0) return [];
    const details = await this.sql.q(
      `SELECT o.id, o.volgnummer, o.type, o.subject, o.dataref, o.data, o.tijd, ab.id AS abonnement_id, ab.url, ab.organisatie, ab.geheim
       FROM $S.outbox o, $S.abonnement ab WHERE o.id = ANY($1) AND ab.id = ANY($2)`,
      [rijen.map((r) => r['event_id']), rijen.map((r) => r['abonnement_id'])],
    );
    return rijen.flatMap((r) => {
      const d = details.find((x) => x['id'] === r['event_id'] && x['abonnement_id'] === r['abonnement_id']);
      if (!d) return [];
      return [
        {
          eventId: String(r['event_id']),
          abonnementId: String(r['abonnement_id']),
          url: String(d['url']),
          organisatie: String(d['organisatie']),
          geheim: String(d['geheim']),
          pogingen: Number(r['pogingen']),
          volgnummer: String(d['volgnummer']),
          type: String(d['type']),
          subject: String(d['subject']),
          dataref: String(d['dataref']),
          data: kolom.json<Aflevering['data']>(d['data']),
          tijd: kolom.tijd(d['tijd']),
        },
      ];
    });
  }

  async markeerAfgeleverd(eventId: string, abonnementId: string): Promise<void> {
    await this.sql.q(`UPDATE $S.outbox_aflevering SET afgeleverd_op = clock_timestamp(), laatste_fout = NULL WHERE event_id = $1 AND abonnement_id = $2`, [
      eventId,
      abonnementId,
    ]);
  }

  async markeerMislukt(eventId: string, abonnementId: string, fout: string, volgendePogingMs: number): Promise<void> {
    await this.sql.q(
      `UPDATE $S.outbox_aflevering SET laatste_fout = $3, volgende_poging = clock_timestamp() + ($4 || ' milliseconds')::interval
       WHERE event_id = $1 AND abonnement_id = $2 AND afgeleverd_op IS NULL`,
      [eventId, abonnementId, fout.slice(0, 500), String(volgendePogingMs)],
    );
  }

  async geefAfleveringOp(eventId: string, abonnementId: string, fout: string): Promise<boolean> {
    const rijen = await this.sql.q(
      `UPDATE $S.outbox_aflevering SET laatste_fout = $3, opgegeven_op = clock_timestamp()
       WHERE event_id = $1 AND abonnement_id = $2 AND afgeleverd_op IS NULL AND opgegeven_op IS NULL
       RETURNING event_id`,
      [eventId, abonnementId, fout.slice(0, 500)],
    );
    return rijen.length > 0;
  }
}
