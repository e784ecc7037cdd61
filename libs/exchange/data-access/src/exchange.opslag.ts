import type {
  AbonnementRecord,
  Aflevering,
  Afwijzing,
  BronGegevens,
  DossierInzage,
  DossierRecord,
  StapRecord,
  NieuwAbonnement,
  OverdrachtRecord,
  PartijRecord,
  TaakRecord,
  UitgaandeGebeurtenis,
  VerwijzingRecord,
} from '@ketenregie/exchange-domain';
import type { FeedRij, IsoDate } from '@ketenregie/shared-kernel';
import { assertSchemaName, OUTBOX_VOLGORDE_SQL } from '@ketenregie/shared-platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ExchangeSchema1764000000000 } from './migrations/1764000000000-exchange-schema';
import { OutboxOpgegeven1764000000001 } from './migrations/1764000000001-outbox-opgegeven';
import { AbonnementGeheim1764000000002 } from './migrations/1764000000002-abonnement-geheim';
import { DossierKolommen1764000000003, dossierVersleuteling, EXCHANGE_DOELEN } from './migrations/1764000000003-dossier-versleuteling';
import { RegievoerderOrganisatie1764000000005 } from './migrations/1764000000005-regievoerder-organisatie';
import type { Gegevenskluis } from '@ketenregie/shared-crypto';
import type { MigrationInterface } from 'typeorm';

/** Migrations of the `exchange` schema that need no key, in order. */
export const EXCHANGE_MIGRATIONS = [
  ExchangeSchema1764000000000,
  OutboxOpgegeven1764000000001,
  AbonnementGeheim1764000000002,
  DossierKolommen1764000000003,
  RegievoerderOrganisatie1764000000005,
];

/** Every migration of the `exchange` schema: what exchange-service runs with the per-deelnemer key store. */
export function exchangeMigraties(sleutels: Gegevenskluis): (new () => MigrationInterface)[] {
  return [...EXCHANGE_MIGRATIONS, dossierVersleuteling(sleutels)];
}
/** The exchange context maps rows itself (SQL in this repository only); no TypeORM entities. */
export const EXCHANGE_ENTITIES = [];

type Rij = Record<string, unknown>;

const datum = (v: unknown): IsoDate | undefined => {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
};
const tijd = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const zonderLeeg = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, w]) => w !== undefined && w !== null)) as T;

/** The sender and the recipient as their columns: each as JSON, then its organisation (`zender`, `zender_organisatie`, `ontvanger`, `ontvanger_organisatie`). */
function partijKolommen(x: { readonly zender: PartijRecord; readonly ontvanger: PartijRecord }): unknown[] {
  return [JSON.stringify(x.zender), x.zender.organisatie, JSON.stringify(x.ontvanger), x.ontvanger.organisatie];
}

function overdrachtVan(r: Rij): OverdrachtRecord {
  return zonderLeeg({
    id: String(r['id']),
    deelnemerId: String(r['deelnemer_id']),
    trajectId: (r['traject_id'] as string | null) ?? undefined,
    zender: json<OverdrachtRecord['zender']>(r['zender']),
    ontvanger: json<OverdrachtRecord['ontvanger']>(r['ontvanger']),
    regievoerder: String(r['regievoerder']),
    regievoerderOrganisatie: String(r['regievoerder_organisatie']),
    reden: String(r['reden']),
    overTeNemen: r['over_te_nemen'] as string[],
    voorgesteldEersteGesprek: datum(r['voorgesteld_eerste_gesprek']),
    status: r['status'] as OverdrachtRecord['status'],
    termijn: r['termijn'] ? json<OverdrachtRecord['termijn']>(r['termijn']) : undefined,
    afwijzingen: json<Afwijzing[]>(r['afwijzingen']),
    driegesprek: datum(r['driegesprek']),
    aangevraagdOp: tijd(r['aangevraagd_op']),
    bijgewerktOp: tijd(r['bijgewerkt_op']),
  });
}

function verwijzingVan(r: Rij): VerwijzingRecord {
  return zonderLeeg({
    id: String(r['id']),
    deelnemerId: String(r['deelnemer_id']),
    soort: r['soort'] as VerwijzingRecord['soort'],
    zender: json<VerwijzingRecord['zender']>(r['zender']),
    ontvanger: json<VerwijzingRecord['ontvanger']>(r['ontvanger']),
    reden: String(r['reden']),
    detailTerugkoppeling: Boolean(r['detail_terugkoppeling']),
    status: r['status'] as VerwijzingRecord['status'],
    eindreden: (r['eindreden'] as VerwijzingRecord['eindreden'] | null) ?? undefined,
    afwijzingReden: (r['afwijzing_reden'] as VerwijzingRecord['afwijzingReden'] | null) ?? undefined,
    aangemeldOp: tijd(r['aangemeld_op']),
    bijgewerktOp: tijd(r['bijgewerkt_op']),
  });
}

/** The exchange application's `ExchangeOpslag` port on PostgreSQL, in the schema of `dataSource`. */
export class SqlExchangeOpslag {
  private readonly s: string;

  /**
   * @param sleutels the per-deelnemer key store the source data and the dossier are encrypted with
   * (the schema must be migrated with {@link exchangeMigraties}); without it they are stored as JSON
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly sleutels?: Gegevenskluis,
  ) {
    this.s = `"${assertSchemaName(String((dataSource.options as { schema?: string }).schema))}"`;
  }

  private async deelnemerVan(overdrachtId: string): Promise<string> {
    const [r] = await this.q(`SELECT deelnemer_id FROM $S.overdracht WHERE id = $1`, [overdrachtId]);
    if (!r) throw new Error('No such handover');
    return String(r['deelnemer_id']);
  }

  /** Runs SQL (`$S.` is the schema) and returns the rows, also for UPDATE … RETURNING. */
  private async q(sql: string, params: unknown[] = [], m: EntityManager = this.dataSource.manager): Promise<Rij[]> {
    const runner = m.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql.replace(/\$S\./g, `${this.s}.`), params, true);
      return (result.records ?? []) as Rij[];
    } finally {
      if (!m.queryRunner) await runner.release();
    }
  }

  /** Inserts the event and one delivery per matching subscription of its recipients; false when the key exists. */
  private async publiceer(m: EntityManager, g: UitgaandeGebeurtenis): Promise<boolean> {
    await this.q(OUTBOX_VOLGORDE_SQL, [`${this.s}.outbox`], m);
    const rijen = await this.q(
      `INSERT INTO $S.outbox (id, sleutel, type, subject, dataref, data, ontvangers) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (sleutel) DO NOTHING RETURNING id`,
      [g.id, g.sleutel, g.type, g.subject, g.dataref, JSON.stringify(g.data), [...g.ontvangers]],
      m,
    );
    if (rijen.length === 0) return false;
    await this.q(
      `INSERT INTO $S.outbox_aflevering (event_id, abonnement_id)
       SELECT $1, a.id FROM $S.abonnement a WHERE a.organisatie = ANY($2) AND (a.types IS NULL OR $3 = ANY(a.types))`,
      [g.id, [...g.ontvangers], g.type],
      m,
    );
    return true;
  }

  async voegOverdrachtToe(o: OverdrachtRecord, bron: BronGegevens, g: UitgaandeGebeurtenis): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.q(
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
        await this.q(`INSERT INTO $S.overdracht_bron (overdracht_id, gegevens, gegevens_versleuteld) VALUES ($1, '{}'::jsonb, $2)`, [o.id, v], m);
      } else {
        await this.q(`INSERT INTO $S.overdracht_bron (overdracht_id, gegevens) VALUES ($1, $2)`, [o.id, JSON.stringify(bron)], m);
      }
      await this.publiceer(m, g);
    });
  }

  async overdracht(id: string): Promise<OverdrachtRecord | undefined> {
    const [r] = await this.q(`SELECT * FROM $S.overdracht WHERE id = $1`, [id]);
    return r ? overdrachtVan(r) : undefined;
  }

  async verwijderOverdracht(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const subject = `overdracht/${id}`;
      await this.q(`DELETE FROM $S.outbox_aflevering WHERE event_id IN (SELECT id FROM $S.outbox WHERE subject = $1)`, [subject], m);
      await this.q(`DELETE FROM $S.outbox WHERE subject = $1`, [subject], m);
      for (const tabel of ['taak', 'dossier_inzage', 'dossier', 'overdracht_bron']) await this.q(`DELETE FROM $S.${tabel} WHERE overdracht_id = $1`, [id], m);
      await this.q(`DELETE FROM $S.overdracht WHERE id = $1`, [id], m);
    });
  }

  async overdrachtenVan(organisatie: string): Promise<OverdrachtRecord[]> {
    const rijen = await this.q(`SELECT * FROM $S.overdracht WHERE zender_organisatie = $1 OR ontvanger_organisatie = $1 ORDER BY aangevraagd_op DESC, id`, [
      organisatie,
    ]);
    return rijen.map(overdrachtVan);
  }

  async legAfwijzingVast(id: string, afwijzing: Afwijzing): Promise<void> {
    await this.q(`UPDATE $S.overdracht SET afwijzingen = afwijzingen || $2::jsonb, bijgewerkt_op = clock_timestamp() WHERE id = $1`, [
      id,
      JSON.stringify([afwijzing]),
    ]);
  }

  async legDriegesprekVast(id: string, datum: IsoDate | undefined): Promise<void> {
    await this.q(`UPDATE $S.overdracht SET driegesprek = $2, bijgewerkt_op = clock_timestamp() WHERE id = $1`, [id, datum ?? null]);
  }

  async bron(id: string): Promise<BronGegevens | undefined> {
    const [r] = await this.q(`SELECT * FROM $S.overdracht_bron WHERE overdracht_id = $1`, [id]);
    if (!r) return undefined;
    return r['gegevens_versleuteld'] ? this.ontsleutel<BronGegevens>(EXCHANGE_DOELEN.bron(id), r['gegevens_versleuteld']) : json<BronGegevens>(r['gegevens']);
  }

  private async ontsleutel<T>(doel: string, data: unknown): Promise<T> {
    if (!this.sleutels) throw new Error('The handover data is encrypted and no key store is configured');
    return this.sleutels.ontsleutelJson<T>(doel, data as Buffer);
  }

  async slaDossierOp(d: { sleutel: string; overdrachtId: string; besluitId: string; categorieen: BronGegevens }): Promise<boolean> {
    const versleuteld = this.sleutels
      ? await this.sleutels.versleutelJson(await this.deelnemerVan(d.overdrachtId), EXCHANGE_DOELEN.dossier(d.overdrachtId), d.categorieen)
      : null;
    const rijen = await this.q(
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
    const [r] = await this.q(`SELECT 1 AS x FROM $S.dossier WHERE overdracht_id = $1 AND sleutel = $2 AND verstrekking_gemeld_op IS NULL`, [
      overdrachtId,
      sleutel,
    ]);
    return r !== undefined;
  }

  /** Records that the disclosure of the dossier delivered under `sleutel` is in the processing log. */
  async verstrekkingGemeld(overdrachtId: string, sleutel: string): Promise<void> {
    await this.q(
      `UPDATE $S.dossier SET verstrekking_gemeld_op = clock_timestamp() WHERE overdracht_id = $1 AND sleutel = $2 AND verstrekking_gemeld_op IS NULL`,
      [overdrachtId, sleutel],
    );
  }

  async dossier(overdrachtId: string): Promise<DossierRecord | undefined> {
    // Only what the record holds; the plain column only when there is no ciphertext (it then holds `{}`, not worth parsing).
    const [r] = await this.q(
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
        ? await this.ontsleutel<BronGegevens>(EXCHANGE_DOELEN.dossier(overdrachtId), r['categorieen_versleuteld'])
        : json<BronGegevens>(r['categorieen']),
      geleverdOp: tijd(r['geleverd_op']),
      ingetrokkenOp: r['ingetrokken_op'] ? tijd(r['ingetrokken_op']) : undefined,
      intrekkingReden: (r['intrekking_reden'] as string | null) ?? undefined,
    });
  }

  async trekDossierIn(overdrachtId: string, reden: string): Promise<void> {
    // The content and the sender's source data go at once; the row stays so that later reads are denied with a reason.
    await this.dataSource.transaction(async (m) => {
      await this.q(
        `UPDATE $S.dossier SET categorieen = '{}'::jsonb, ${this.sleutels ? 'categorieen_versleuteld = NULL, ' : ''}ingetrokken_op = COALESCE(ingetrokken_op, clock_timestamp()), intrekking_reden = COALESCE(intrekking_reden, $2)
         WHERE overdracht_id = $1`,
        [overdrachtId, reden],
        m,
      );
      await this.q(`DELETE FROM $S.overdracht_bron WHERE overdracht_id = $1`, [overdrachtId], m);
    });
  }

  async logInzage(i: DossierInzage): Promise<void> {
    await this.q(`INSERT INTO $S.dossier_inzage (overdracht_id, organisatie, sub, uitkomst, reden, trace_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      i.overdrachtId,
      i.organisatie,
      i.sub,
      i.uitkomst,
      i.reden ?? null,
      i.traceId,
    ]);
  }

  async inzagen(overdrachtId: string): Promise<DossierInzage[]> {
    const rijen = await this.q(`SELECT * FROM $S.dossier_inzage WHERE overdracht_id = $1 ORDER BY id`, [overdrachtId]);
    return rijen.map((r) =>
      zonderLeeg({
        overdrachtId: String(r['overdracht_id']),
        organisatie: String(r['organisatie']),
        sub: String(r['sub']),
        uitkomst: r['uitkomst'] as DossierInzage['uitkomst'],
        reden: (r['reden'] as string | null) ?? undefined,
        traceId: String(r['trace_id']),
        op: tijd(r['op']),
      }),
    );
  }

  async registreerStap(stap: StapRecord): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.publiceer(m, stap.gebeurtenis))) return false;
      await this.q(
        `UPDATE $S.overdracht SET status = $2, termijn = $3, bijgewerkt_op = clock_timestamp() WHERE id = $1`,
        [stap.overdrachtId, stap.status, stap.termijn ? JSON.stringify(stap.termijn) : null],
        m,
      );
      if (stap.taak) {
        const t = stap.taak;
        await this.q(
          `INSERT INTO $S.taak (sleutel, overdracht_id, organisatie, voor, soort, vervalt) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [t.sleutel, t.overdrachtId, t.organisatie, t.voor, t.soort, t.vervalt ?? null],
          m,
        );
      }
      return true;
    });
  }

  async takenVan(organisatie: string): Promise<TaakRecord[]> {
    const rijen = await this.q(`SELECT * FROM $S.taak WHERE organisatie = $1 ORDER BY aangemaakt_op, sleutel`, [organisatie]);
    return rijen.map((r) =>
      zonderLeeg({
        sleutel: String(r['sleutel']),
        overdrachtId: String(r['overdracht_id']),
        organisatie: String(r['organisatie']),
        voor: String(r['voor']),
        soort: String(r['soort']),
        vervalt: datum(r['vervalt']),
      }),
    );
  }

  async voegVerwijzingToe(v: VerwijzingRecord, g: UitgaandeGebeurtenis): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.q(
        `INSERT INTO $S.verwijzing (id, deelnemer_id, soort, zender, zender_organisatie, ontvanger, ontvanger_organisatie, reden, detail_terugkoppeling, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [v.id, v.deelnemerId, v.soort, ...partijKolommen(v), v.reden, v.detailTerugkoppeling, v.status],
        m,
      );
      await this.publiceer(m, g);
    });
  }

  async verwijzing(id: string): Promise<VerwijzingRecord | undefined> {
    const [r] = await this.q(`SELECT * FROM $S.verwijzing WHERE id = $1`, [id]);
    return r ? verwijzingVan(r) : undefined;
  }

  async verwijzingenVan(organisatie: string): Promise<VerwijzingRecord[]> {
    const rijen = await this.q(`SELECT * FROM $S.verwijzing WHERE zender_organisatie = $1 OR ontvanger_organisatie = $1 ORDER BY aangemeld_op DESC, id`, [
      organisatie,
    ]);
    return rijen.map(verwijzingVan);
  }

  async werkVerwijzingBij(v: VerwijzingRecord, g: UitgaandeGebeurtenis): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.q(
        `UPDATE $S.verwijzing SET status = $2, eindreden = $3, afwijzing_reden = $4, bijgewerkt_op = clock_timestamp() WHERE id = $1`,
        [v.id, v.status, v.eindreden ?? null, v.afwijzingReden ?? null],
        m,
      );
      await this.publiceer(m, g);
    });
  }

  async voegAbonnementToe(a: NieuwAbonnement): Promise<string> {
    const rijen = await this.q(
      `INSERT INTO $S.abonnement (id, organisatie, url, types, geheim) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisatie, url) DO UPDATE SET types = EXCLUDED.types, geheim = EXCLUDED.geheim RETURNING id`,
      [a.id, a.organisatie, a.url, a.types ? [...a.types] : null, a.geheim],
    );
    return String(rijen[0]['id']);
  }

  async abonnementenVan(organisatie: string): Promise<AbonnementRecord[]> {
    const rijen = await this.q(`SELECT id, organisatie, url, types, aangemaakt_op FROM $S.abonnement WHERE organisatie = $1 ORDER BY aangemaakt_op, id`, [
      organisatie,
    ]);
    return rijen.map((r) => ({
      id: String(r['id']),
      organisatie: String(r['organisatie']),
      url: String(r['url']),
      ...(r['types'] ? { types: r['types'] as string[] } : {}),
      aangemaaktOp: tijd(r['aangemaakt_op']),
    }));
  }

  async verwijderAbonnement(id: string, organisatie: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const eigen = await this.q(`SELECT id FROM $S.abonnement WHERE id = $1 AND organisatie = $2 FOR UPDATE`, [id, organisatie], m);
      if (eigen.length === 0) return false;
      await this.q(`DELETE FROM $S.outbox_aflevering WHERE abonnement_id = $1`, [id], m);
      await this.q(`DELETE FROM $S.abonnement WHERE id = $1`, [id], m);
      return true;
    });
  }

  async gebeurtenissenNa(na: number, max: number): Promise<FeedRij[]> {
    const rijen = await this.q(
      `SELECT o.id, o.volgnummer, o.type, o.subject, o.data, o.tijd, (o.tijd AT TIME ZONE 'Europe/Amsterdam')::date::text AS datum,
              COALESCE(ov.zender_organisatie, v.zender_organisatie) AS zender, COALESCE(ov.ontvanger_organisatie, v.ontvanger_organisatie) AS ontvanger
       FROM $S.outbox o
       LEFT JOIN $S.overdracht ov ON o.subject = 'overdracht/' || ov.id
       LEFT JOIN $S.verwijzing v ON o.subject = 'verwijzing/' || v.id
       WHERE o.volgnummer > $1 ORDER BY o.volgnummer LIMIT $2`,
      [na, max],
    );
    return rijen.map((r) => ({
      id: String(r['id']),
      volgnummer: Number(r['volgnummer']),
      type: String(r['type']),
      subject: String(r['subject']),
      datum: String(r['datum']),
      tijd: tijd(r['tijd']),
      data: { ...json<Record<string, unknown>>(r['data']), zender: r['zender'] ?? 'onbekend', ontvanger: r['ontvanger'] ?? 'onbekend' },
    }));
  }

  async claimAfleveringen(max: number, leaseMs: number): Promise<Aflevering[]> {
    const rijen = await this.q(
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
    const details = await this.q(
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
          data: json<Aflevering['data']>(d['data']),
          tijd: tijd(d['tijd']),
        },
      ];
    });
  }

  async markeerAfgeleverd(eventId: string, abonnementId: string): Promise<void> {
    await this.q(`UPDATE $S.outbox_aflevering SET afgeleverd_op = clock_timestamp(), laatste_fout = NULL WHERE event_id = $1 AND abonnement_id = $2`, [
      eventId,
      abonnementId,
    ]);
  }

  async markeerMislukt(eventId: string, abonnementId: string, fout: string, volgendePogingMs: number): Promise<void> {
    await this.q(
      `UPDATE $S.outbox_aflevering SET laatste_fout = $3, volgende_poging = clock_timestamp() + ($4 || ' milliseconds')::interval
       WHERE event_id = $1 AND abonnement_id = $2 AND afgeleverd_op IS NULL`,
      [eventId, abonnementId, fout.slice(0, 500), String(volgendePogingMs)],
    );
  }

  async geefAfleveringOp(eventId: string, abonnementId: string, fout: string): Promise<boolean> {
    const rijen = await this.q(
      `UPDATE $S.outbox_aflevering SET laatste_fout = $3, opgegeven_op = clock_timestamp()
       WHERE event_id = $1 AND abonnement_id = $2 AND afgeleverd_op IS NULL AND opgegeven_op IS NULL
       RETURNING event_id`,
      [eventId, abonnementId, fout.slice(0, 500)],
    );
    return rijen.length > 0;
  }
}
