import { OUTBOX_VOLGORDE_SQL } from '@ketenregie/shared-platform';
import {
  type Besluit,
  type Bewijs,
  canoniekeJson,
  type DataCategorie,
  type Handeling,
  type Herinnering,
  ketenVoor,
  type Ketenregel,
  type OrganisatieSelector,
  type OrganisatieType,
  type KetenSleutels,
  type Toestemming,
  type ToestemmingGebeurtenis,
  uitkomst,
  type Verlener,
  type Verwerkingsregel,
  type ToestemmingFeit,
  type UitgaandToestemmingFeit,
  volgendeSchakel,
} from '@ketenregie/consent-domain';
import type { IntrekkingSignaal } from '@ketenregie/consent-contracts';
import { type DataSource, type EntityManager } from 'typeorm';
import type { HmacKetenSleutels } from './consent.crypto';
import { AANTAL_KETENS } from './migrations/1763900000002-verwerking-ketens';
import { LOGSCHRIJVER_ROL } from './migrations/1763900000003-logschrijver';

/** The row lock a read takes inside a transaction, as PostgreSQL spells it. */
const LOCK = { geen: '', delen: 'FOR SHARE', exclusief: 'FOR UPDATE' } as const;
/** Row lock a read takes inside a transaction (the application's `Vergrendeling`). */
type Vergrendeling = keyof typeof LOCK;

/** A `toestemming` row's fields. */
interface ToestemmingRij {
  readonly id: string;
  readonly deelnemerId: string;
  readonly verlener: unknown;
  readonly doel: string;
  readonly categorieen: string[];
  readonly bronnen: unknown;
  readonly ontvangers: unknown;
  readonly geldigVanaf: Date;
  readonly geldigTot: Date;
  readonly bewijs: unknown;
  readonly vervangt: string | null;
}

/** A `toestemming_status` row's fields: one event of a consent's status history (append-only). */
interface StatusRij {
  readonly toestemmingId: string;
  readonly volgnummer: number;
  readonly status: string;
  readonly op: Date;
  readonly door: string | null;
  readonly reden: string | null;
  readonly vervangenDoor: string | null;
}

/** A `verwerking` row's fields: one line of the hash-chained processing log, as {@link VERWERKING_KOLOMMEN} selects it. */
interface VerwerkingRij {
  readonly keten: number;
  readonly volgnummer: string;
  readonly vorigeHash: string;
  readonly hash: string;
  readonly sleutelId: string | null;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly handeling: string;
  readonly status: string;
  readonly tijdstip: Date;
  readonly activiteitId: string | null;
  readonly activiteitVersie: number | null;
  readonly betrokkene: string;
  readonly organisatie: string;
  readonly ontvanger: string | null;
  readonly doel: string | null;
  readonly categorieen: string[];
  readonly grondslagen: string[];
  readonly toestemmingen: string[];
}

/** The columns of {@link VerwerkingRij}. */
const VERWERKING_KOLOMMEN = `keten, volgnummer, vorige_hash AS "vorigeHash", hash, sleutel_id AS "sleutelId", trace_id AS "traceId", span_id AS "spanId",
  parent_span_id AS "parentSpanId", handeling, status, tijdstip, activiteit_id AS "activiteitId", activiteit_versie AS "activiteitVersie", betrokkene,
  organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen`;

function gebeurtenis(rij: StatusRij): ToestemmingGebeurtenis {
  switch (rij.status) {
    case 'gegeven':
      return { status: 'gegeven', op: rij.op, door: rij.door ?? '' };
    case 'ingetrokken':
      return { status: 'ingetrokken', op: rij.op, door: rij.door ?? '', ...(rij.reden === null ? {} : { reden: rij.reden }) };
    case 'verlopen':
      return { status: 'verlopen', op: rij.op };
    case 'vervangen':
      return { status: 'vervangen', op: rij.op, door: rij.door ?? '', vervangenDoor: rij.vervangenDoor ?? '' };
    default:
      throw new TypeError(`Unknown consent status ${rij.status} in the database`);
  }
}

/** A `toestemming` row (snake_case columns, as a raw query returns it) as its fields. */
function toestemmingRij(r: Record<string, unknown>): ToestemmingRij {
  return {
    id: r['id'],
    deelnemerId: r['deelnemer_id'],
    verlener: r['verlener'],
    doel: r['doel'],
    categorieen: r['categorieen'],
    bronnen: r['bronnen'],
    ontvangers: r['ontvangers'],
    geldigVanaf: r['geldig_vanaf'],
    geldigTot: r['geldig_tot'],
    bewijs: r['bewijs'],
    vervangt: r['vervangt'],
  } as ToestemmingRij;
}

function statusRij(toestemmingId: string, volgnummer: number, g: ToestemmingGebeurtenis): StatusRij {
  return {
    toestemmingId,
    volgnummer,
    status: g.status,
    op: g.op,
    door: 'door' in g ? g.door : null,
    reden: g.status === 'ingetrokken' ? (g.reden ?? null) : null,
    vervangenDoor: g.status === 'vervangen' ? g.vervangenDoor : null,
  };
}

function toestemming(rij: ToestemmingRij, historie: readonly StatusRij[]): Toestemming {
  return {
    id: rij.id,
    deelnemerId: rij.deelnemerId,
    verlener: rij.verlener as Verlener,
    doel: rij.doel,
    categorieen: rij.categorieen as DataCategorie[],
    bronnen: rij.bronnen as OrganisatieSelector[],
    ontvangers: rij.ontvangers as OrganisatieSelector[],
    geldigVanaf: rij.geldigVanaf,
    geldigTot: rij.geldigTot,
    bewijs: rij.bewijs as Bewijs,
    ...(rij.vervangt === null ? {} : { vervangt: rij.vervangt }),
    historie: historie.map(gebeurtenis),
  };
}

/** A decision's columns as query parameters, in the order of the `besluit` insert (bron_organisatie … trace_id). */
function besluitParameters(besluit: Besluit, traceId: string): unknown[] {
  const v = besluit.verzoek;
  return [
    v.bron.organisatie,
    v.bron.type,
    v.ontvanger.organisatie,
    v.ontvanger.type,
    v.doel,
    besluit.registerVersie ?? null,
    besluit.activiteit?.id ?? null,
    besluit.activiteit?.versie ?? null,
    uitkomst(besluit),
    JSON.stringify(besluit.categorieen),
    [...new Set(besluit.categorieen.flatMap((c) => (c.toestemming.status === 'verleend' ? c.toestemming.toestemmingen : [])))],
    traceId,
  ];
}

/** A processing line's columns as query parameters, in the order of the `verwerking` insert (trace_id … toestemmingen). */
function regelParameters(regel: Verwerkingsregel): unknown[] {
  return [
    regel.traceId,
    regel.spanId,
    regel.parentSpanId ?? null,
    regel.handeling,
    regel.status,
    regel.tijdstip,
    regel.verwerkingsactiviteit?.id ?? null,
    regel.verwerkingsactiviteit?.versie ?? null,
    regel.betrokkene,
    regel.organisatie,
    regel.ontvanger ?? null,
    regel.doel ?? null,
    [...regel.categorieen],
    [...regel.grondslagen],
    [...regel.toestemmingen],
  ];
}

function ketenregel(rij: VerwerkingRij): Ketenregel {
  const regel: Verwerkingsregel = {
    traceId: rij.traceId,
    spanId: rij.spanId,
    ...(rij.parentSpanId === null ? {} : { parentSpanId: rij.parentSpanId }),
    handeling: rij.handeling as Handeling,
    status: rij.status as Verwerkingsregel['status'],
    tijdstip: rij.tijdstip,
    ...(rij.activiteitId === null || rij.activiteitVersie === null ? {} : { verwerkingsactiviteit: { id: rij.activiteitId, versie: rij.activiteitVersie } }),
    betrokkene: rij.betrokkene,
    organisatie: rij.organisatie,
    ...(rij.ontvanger === null ? {} : { ontvanger: rij.ontvanger }),
    ...(rij.doel === null ? {} : { doel: rij.doel }),
    categorieen: rij.categorieen as DataCategorie[],
    grondslagen: rij.grondslagen,
    toestemmingen: rij.toestemmingen,
  };
  return {
    keten: rij.keten,
    volgnummer: Number(rij.volgnummer),
    vorigeHash: rij.vorigeHash,
    hash: rij.hash,
    ...(rij.sleutelId === null ? {} : { sleutelId: rij.sleutelId }),
    regel,
  };
}

/** The application's `ConsentTransactie` port on one TypeORM transaction. */
export class TypeOrmConsentTransactie {
  /**
   * The database clock as read together with the last consents loaded (after their locks were
   * taken): `nu()` answers with it once instead of asking the database again.
   */
  private klok: Date | undefined;
  /**
   * A decision row not written yet: it goes with the next statement of the transaction (the
   * chain-head lock of its log line, see {@link logVerwerking}), or on its own before any other
   * statement or the commit. Either way it is written inside the transaction, before anything
   * that could read it.
   */
  private uitgesteld: { readonly sql: string; readonly params: readonly unknown[] } | undefined;

  constructor(
    private readonly manager: EntityManager,
    private readonly sleutels: KetenSleutels,
    private readonly aantalKetens: number,
  ) {}

  async nu(): Promise<Date> {
    const gelezen = this.klok;
    this.klok = undefined;
    if (gelezen) return gelezen;
    const [rij] = (await this.manager.query("SELECT date_trunc('milliseconds', clock_timestamp()) AS nu")) as { nu: Date }[];
    if (!rij) throw new Error('The database returned no clock reading');
    return rij.nu;
  }

  async toestemming(id: string, vergrendeling: Vergrendeling): Promise<Toestemming | undefined> {
    const [gevonden] = await this.laad({ id }, vergrendeling);
    return gevonden;
  }

  toestemmingenVan(deelnemerId: string, vergrendeling: Vergrendeling): Promise<readonly Toestemming[]> {
    return this.laad({ deelnemerId }, vergrendeling);
  }

  /**
   * Rows are read (and locked) in id order, so two transactions locking overlapping sets of a
   * deelnemer's consents always lock in the same order and cannot deadlock on them.
   */
  private async laad(waar: { id: string } | { deelnemerId: string }, vergrendeling: Vergrendeling): Promise<Toestemming[]> {
    await this.schrijfUitgesteld();
    const rijen = (
      (await this.manager.query(
        `SELECT id, deelnemer_id, verlener, doel, categorieen, bronnen, ontvangers, geldig_vanaf, geldig_tot, bewijs, vervangt
         FROM ${this.tabel('toestemming')} WHERE ${'id' in waar ? 'id' : 'deelnemer_id'} = $1 ORDER BY id ${LOCK[vergrendeling]}`,
        ['id' in waar ? waar.id : waar.deelnemerId],
      )) as Record<string, unknown>[]
    ).map((r) => toestemmingRij(r));
    this.klok = undefined;
    if (rijen.length === 0) return [];
    // The history and the clock in one round trip: the clock is read after the locks above.
    const gelezen = (await this.manager.query(
      `SELECT h.toestemming_id, h.volgnummer, h.status, h.op, h.door, h.reden, h.vervangen_door, date_trunc('milliseconds', clock_timestamp()) AS nu
       FROM ${this.tabel('toestemming_status')} h WHERE h.toestemming_id = ANY($1) ORDER BY h.toestemming_id, h.volgnummer`,
      [rijen.map((r) => r.id)],
    )) as (Record<string, unknown> & { nu: Date })[];
    const historie = gelezen.map(
      (h) =>
        ({
          toestemmingId: h['toestemming_id'],
          volgnummer: Number(h['volgnummer']),
          status: h['status'],
          op: h['op'],
          door: h['door'],
          reden: h['reden'],
          vervangenDoor: h['vervangen_door'],
        }) as StatusRij,
    );
    this.klok = gelezen[0]?.nu;
    return rijen.map((r) =>
      toestemming(
        r,
        historie.filter((h) => h.toestemmingId === r.id),
      ),
    );
  }

  /** Writes a decision row that was waiting for the next statement (see {@link bewaarBesluit}). */
  async schrijfUitgesteld(): Promise<void> {
    const wachtend = this.uitgesteld;
    this.uitgesteld = undefined;
    if (wachtend) await this.manager.query(wachtend.sql, [...wachtend.params]);
  }

  async bewaarNieuweToestemming(t: Toestemming): Promise<void> {
    await this.schrijfUitgesteld();
    const laatste = t.historie[t.historie.length - 1];
    await this.manager.query(
      `INSERT INTO ${this.tabel('toestemming')} (id, deelnemer_id, verlener, doel, categorieen, bronnen, ontvangers, geldig_vanaf, geldig_tot, bewijs, vervangt,
         status, versie) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        t.id,
        t.deelnemerId,
        JSON.stringify(t.verlener),
        t.doel,
        [...t.categorieen],
        JSON.stringify(t.bronnen),
        JSON.stringify(t.ontvangers),
        t.geldigVanaf,
        t.geldigTot,
        JSON.stringify(t.bewijs),
        t.vervangt ?? null,
        laatste?.status ?? 'gegeven',
        t.historie.length,
      ],
    );
    await this.voegStatusToe(t.historie.map((g, i) => statusRij(t.id, i + 1, g)));
  }

  private async voegStatusToe(rijen: readonly StatusRij[]): Promise<void> {
    if (rijen.length === 0) return;
    await this.manager.query(
      `INSERT INTO ${this.tabel('toestemming_status')} (toestemming_id, volgnummer, status, op, door, reden, vervangen_door)
       SELECT * FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::uuid[])`,
      [
        rijen.map((r) => r.toestemmingId),
        rijen.map((r) => r.volgnummer),
        rijen.map((r) => r.status),
        rijen.map((r) => r.op),
        rijen.map((r) => r.door),
        rijen.map((r) => r.reden),
        rijen.map((r) => r.vervangenDoor),
      ],
    );
  }

  async bewaarGebeurtenis(na: Toestemming, g: ToestemmingGebeurtenis): Promise<void> {
    await this.schrijfUitgesteld();
    await this.voegStatusToe([statusRij(na.id, na.historie.length, g)]);
    await this.manager.query(`UPDATE ${this.tabel('toestemming')} SET status = $2, versie = $3 WHERE id = $1`, [na.id, g.status, na.historie.length]);
  }

  /** Stores the decision with the transaction's next statement (one round trip less per decision). */
  async bewaarBesluit(id: string, besluit: Besluit, traceId: string): Promise<void> {
    await this.schrijfUitgesteld();
    this.uitgesteld = {
      sql: `INSERT INTO ${this.tabel('besluit')} (id, op, deelnemer_id, bron_organisatie, bron_type, ontvanger_organisatie, ontvanger_type, doel,
              register_versie, activiteit_id, activiteit_versie, uitkomst, categorieen, toestemmingen, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      params: [id, besluit.op, besluit.verzoek.deelnemerId, ...besluitParameters(besluit, traceId)],
    };
  }

  async ontvangersOpToestemming(deelnemerId: string, toestemmingId: string): Promise<readonly string[]> {
    await this.schrijfUitgesteld();
    const rijen = (await this.manager.query(
      `SELECT DISTINCT ontvanger_organisatie FROM ${this.tabel('besluit')}
       WHERE deelnemer_id = $1 AND $2::uuid = ANY(toestemmingen) AND uitkomst <> 'geweigerd' ORDER BY 1`,
      [deelnemerId, toestemmingId],
    )) as { ontvanger_organisatie: string }[];
    return rijen.map((r) => r.ontvanger_organisatie);
  }

  async besluit(id: string): Promise<Besluit | undefined> {
    await this.schrijfUitgesteld();
    const [rij] = (await this.manager.query(
      `SELECT op, deelnemer_id AS "deelnemerId", bron_organisatie AS "bronOrganisatie", bron_type AS "bronType", ontvanger_organisatie AS "ontvangerOrganisatie",
         ontvanger_type AS "ontvangerType", doel, register_versie AS "registerVersie", activiteit_id AS "activiteitId", activiteit_versie AS "activiteitVersie",
         categorieen FROM ${this.tabel('besluit')} WHERE id = $1`,
      [id],
    )) as {
      op: Date;
      deelnemerId: string;
      bronOrganisatie: string;
      bronType: string;
      ontvangerOrganisatie: string;
      ontvangerType: string;
      doel: string;
      registerVersie: number | null;
      activiteitId: string | null;
      activiteitVersie: number | null;
      categorieen: Besluit['categorieen'];
    }[];
    if (!rij) return undefined;
    const categorieen = rij.categorieen;
    return {
      verzoek: {
        deelnemerId: rij.deelnemerId,
        bron: { organisatie: rij.bronOrganisatie, type: rij.bronType as OrganisatieType },
        ontvanger: { organisatie: rij.ontvangerOrganisatie, type: rij.ontvangerType as OrganisatieType },
        doel: rij.doel,
        categorieen: categorieen.map((c) => c.categorie),
      },
      op: rij.op,
      ...(rij.registerVersie === null ? {} : { registerVersie: rij.registerVersie }),
      ...(rij.activiteitId === null || rij.activiteitVersie === null ? {} : { activiteit: { id: rij.activiteitId, versie: rij.activiteitVersie } }),
      categorieen,
    };
  }

  /**
   * Appends to the data subject's chain under an exclusive lock on that chain's head row:
   * appenders of one chain queue there, each reads the committed head, links to it and moves it;
   * appenders of different chains do not wait for each other. The insert trigger re-checks the
   * link, so a writer that skipped the lock is refused rather than forking the chain.
   */
  async logVerwerking(regel: Verwerkingsregel): Promise<Ketenregel> {
    const keten = ketenVoor(regel.betrokkene, this.aantalKetens);
    // A decision row waiting to be written goes in the same statement as the head lock.
    const wachtend = this.uitgesteld;
    this.uitgesteld = undefined;
    const [kop] = (await this.manager.query(
      `${wachtend ? `WITH besluit AS (${wachtend.sql}) ` : ''}SELECT set_config('role', '${LOGSCHRIJVER_ROL}', true) AS rol, volgnummer, hash FROM ${this.tabel('keten_kop')} WHERE id = $${(wachtend?.params.length ?? 0) + 1} FOR UPDATE`,
      [...(wachtend?.params ?? []), keten],
    )) as { volgnummer: string; hash: string }[];
    if (!kop) throw new Error(`The processing log has no chain ${keten}`);
    const vorige = Number(kop.volgnummer) === 0 ? undefined : { volgnummer: Number(kop.volgnummer), hash: kop.hash };
    const schakel = volgendeSchakel(keten, vorige, regel, this.sleutels);
    // The line and the moved head in one statement, so the head lock is held one round trip less.
    await this.manager.query(
      `WITH regel AS (
         INSERT INTO ${this.tabel('verwerking')} (keten, volgnummer, vorige_hash, hash, trace_id, span_id, parent_span_id, handeling, status, tijdstip,
           activiteit_id, activiteit_versie, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen, sleutel_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING keten)
       UPDATE ${this.tabel('keten_kop')} k SET volgnummer = $2, hash = $4 FROM regel WHERE k.id = regel.keten`,
      [keten, String(schakel.volgnummer), schakel.vorigeHash, schakel.hash, ...regelParameters(regel), schakel.sleutelId],
    );
    // The line went in under the role that may only insert (switched by the head lock's statement); back for the rest of the transaction.
    await this.manager.query(`RESET ROLE`);
    return schakel;
  }

  /** Schema-qualified name of a table of this transaction's data source. */
  private tabel(naam: string): string {
    return `"${String((this.manager.connection.options as { schema?: string }).schema)}"."${naam}"`;
  }

  async publiceer(f: ToestemmingFeit): Promise<void> {
    await this.schrijfUitgesteld();
    await this.manager.query(OUTBOX_VOLGORDE_SQL, [this.tabel('outbox')]);
    await this.manager.query(
      `INSERT INTO ${this.tabel('outbox')} (sleutel, soort, toestemming_id, datum, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sleutel) DO NOTHING`,
      [f.sleutel, f.soort, f.toestemmingId, f.datum, JSON.stringify({ organisatie: f.organisatie, doel: f.doel })],
    );
  }

  async meldLevenscyclus(signaal: IntrekkingSignaal): Promise<void> {
    await this.schrijfUitgesteld();
    await this.manager.query(
      `INSERT INTO ${this.tabel('levenscyclus_outbox')} (toestemming_id, signaal) VALUES ($1, $2) ON CONFLICT (toestemming_id) DO NOTHING`,
      [signaal.toestemmingId, JSON.stringify(signaal)],
    );
  }

  async bewaarHerinnering(h: Herinnering): Promise<boolean> {
    await this.schrijfUitgesteld();
    const rijen = (await this.manager.query(
      `INSERT INTO ${this.tabel('herinnering')} (toestemming_id, coach, aangemaakt_op) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING toestemming_id`,
      [h.toestemmingId, h.coach, h.aangemaaktOp],
    )) as unknown[];
    return rijen.length > 0;
  }

  async herinneringenVoor(coach: string): Promise<readonly Herinnering[]> {
    await this.schrijfUitgesteld();
    return (await this.manager.query(
      `SELECT h.toestemming_id AS "toestemmingId", h.coach AS coach, h.aangemaakt_op AS "aangemaaktOp", t.deelnemer_id AS "deelnemerId", t.geldig_tot AS "geldigTot"
       FROM ${this.tabel('herinnering')} h INNER JOIN ${this.tabel('toestemming')} t ON t.id = h.toestemming_id
       WHERE h.coach = $1 AND t.status = 'gegeven' ORDER BY t.geldig_tot`,
      [coach],
    )) as Herinnering[];
  }
}

/**
 * At most `max` transactions at a time; the rest wait in FIFO order in the process. A burst of
 * requests then queues here instead of in the connection pool, whose acquire timeout would fail
 * requests that are merely waiting their turn.
 */
class Begrenzer {
  private actief = 0;
  private readonly wachtrij: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async metPlek<T>(werk: () => Promise<T>): Promise<T> {
    if (this.actief >= this.max) await new Promise<void>((resolve) => this.wachtrij.push(resolve));
    else this.actief += 1;
    try {
      return await werk();
    } finally {
      const volgende = this.wachtrij.shift();
      if (volgende) volgende();
      else this.actief -= 1;
    }
  }
}

/** The part of `pg`'s pool the decision's statements use (named, so each is prepared once per connection). */
interface PgPool {
  query<R>(query: { readonly name: string; readonly text: string; readonly values: unknown[] }): Promise<{ rows: R[] }>;
}

/** Options of {@link TypeOrmConsentOpslag}. */
export interface ConsentOpslagOpties {
  /** Concurrent transactions; keep it below the pool size so log reads still get a connection (default 4). */
  readonly gelijktijdig?: number;
  /** Chains of the processing log; must equal the rows of `keten_kop` (default {@link AANTAL_KETENS}). */
  readonly aantalKetens?: number;
  /** Page size when streaming the processing log (default 1000). */
  readonly paginagrootte?: number;
}

/** The application's `ConsentOpslag` port on a TypeORM data source in the consent schema. */
export class TypeOrmConsentOpslag {
  readonly aantalKetens: number;
  private readonly begrenzer: Begrenzer;
  private readonly paginagrootte: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sleutels: HmacKetenSleutels,
    opties: ConsentOpslagOpties = {},
  ) {
    this.begrenzer = new Begrenzer(opties.gelijktijdig ?? 4);
    this.paginagrootte = opties.paginagrootte ?? 1000;
    this.aantalKetens = opties.aantalKetens ?? AANTAL_KETENS;
  }

  /** The pg pool under the data source: the decision's two statements go to it directly. */
  private get pool(): PgPool {
    return (this.dataSource.driver as unknown as { master: PgPool }).master;
  }

  /** Schema-qualified name of a table of this data source. */
  private tabel(naam: string): string {
    return `"${String((this.dataSource.options as { schema?: string }).schema)}"."${naam}"`;
  }

  /**
   * One statement: the clock, then every consent of the deelnemer with its history (one
   * snapshot, so consents and history agree). A deelnemer without consents gives one row with
   * only the clock.
   */
  async leesVoorBesluit(deelnemerId: string): Promise<{ toestemmingen: Toestemming[]; op: Date; stempel: string[] }> {
    const { rows } = await this.pool.query<Record<string, unknown> & { nu: Date; versie: number | null; historie: Record<string, unknown>[] | null }>({
      name: `consent-besluit-lees:${this.tabel('')}`,
      text: `SELECT k.nu, t.id, t.deelnemer_id, t.verlener, t.doel, t.categorieen, t.bronnen, t.ontvangers, t.geldig_vanaf, t.geldig_tot, t.bewijs, t.vervangt, t.versie,
               (SELECT json_agg(json_build_object('volgnummer', h.volgnummer, 'status', h.status, 'op', h.op, 'door', h.door, 'reden', h.reden,
                  'vervangen_door', h.vervangen_door) ORDER BY h.volgnummer) FROM ${this.tabel('toestemming_status')} h WHERE h.toestemming_id = t.id) AS historie
             FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS nu) k
             LEFT JOIN ${this.tabel('toestemming')} t ON t.deelnemer_id = $1
             ORDER BY t.id`,
      values: [deelnemerId],
    });
    const op = rows[0]?.nu;
    if (!op) throw new Error('The database returned no clock reading');
    const rijen = rows.filter((r) => r['id'] !== null);
    return {
      op,
      stempel: rijen.map((r) => `${String(r['id'])}:${String(r.versie)}`),
      toestemmingen: rijen.map((r) =>
        toestemming(
          toestemmingRij(r),
          (r.historie ?? []).map(
            (h) =>
              ({
                toestemmingId: r['id'],
                volgnummer: Number(h['volgnummer']),
                status: h['status'],
                op: new Date(String(h['op'])),
                door: h['door'],
                reden: h['reden'],
                vervangenDoor: h['vervangen_door'],
              }) as StatusRij,
          ),
        ),
      ),
    };
  }

  /**
   * One statement, atomic without a transaction around it: locks the deelnemer's consents (in id
   * order, as every writer does) and compares them with `stempel`; only when they are unchanged
   * does it lock the head of the line's chain, compute the line's MAC from the head (HMAC-SHA-256
   * in PostgreSQL, from the active key's padded keys and core `sha256()`, over the same text
   * {@link regelHash} MACs, so the log verifies like every other line),
   * store the decision and the line and move the head. The head is locked for the duration of
   * this one statement, not for round trips to the service.
   */
  async legBesluitVast(id: string, besluit: Besluit, traceId: string, regel: Verwerkingsregel, stempel: readonly string[]): Promise<Ketenregel | undefined> {
    const keten = ketenVoor(regel.betrokkene, this.aantalKetens);
    const v = besluit.verzoek;
    const { rows } = await this.pool.query<{ volgnummer: string; vorige_hash: string; hash: string }>({
      name: `consent-besluit-vast:${this.tabel('')}`,
      text: `WITH vergrendeld AS (
               SELECT id, versie FROM ${this.tabel('toestemming')} WHERE deelnemer_id = $1::uuid ORDER BY id FOR UPDATE
             ), ongewijzigd AS (
               SELECT coalesce(array_agg(id::text || ':' || versie ORDER BY id), '{}') = $2::text[] AS ja FROM vergrendeld
             ), kop AS (
               SELECT k.id, k.volgnummer + 1 AS volgnummer, k.hash AS vorige_hash FROM ${this.tabel('keten_kop')} k, ongewijzigd o WHERE k.id = $3::smallint AND o.ja FOR UPDATE OF k
             ), schakel AS (
               SELECT id AS keten, volgnummer, vorige_hash,
                 encode(sha256($34::bytea || sha256($35::bytea || convert_to(vorige_hash::text || E'\n' || volgnummer::text || E'\n' || $4::text, 'UTF8'))), 'hex') AS hash FROM kop
             ), besluit AS (
               INSERT INTO ${this.tabel('besluit')} (id, op, deelnemer_id, bron_organisatie, bron_type, ontvanger_organisatie, ontvanger_type, doel,
                 register_versie, activiteit_id, activiteit_versie, uitkomst, categorieen, toestemmingen, trace_id)
               SELECT $5::uuid, $6::timestamptz, $1::uuid, $7::text, $8::text, $9::text, $10::text, $11::text, $12::integer, $13::text, $14::integer, $15::text,
                 $16::jsonb, $17::uuid[], $18::text FROM schakel
             ), regel AS (
               INSERT INTO ${this.tabel('verwerking')} (keten, volgnummer, vorige_hash, hash, trace_id, span_id, parent_span_id, handeling, status, tijdstip,
                 activiteit_id, activiteit_versie, betrokkene, organisatie, ontvanger, doel, categorieen, grondslagen, toestemmingen, sleutel_id)
               SELECT keten, volgnummer, vorige_hash, hash, $19::text, $20::text, $21::text, $22::text, $23::text, $24::timestamptz, $25::text, $26::integer,
                 $27::text, $28::text, $29::text, $30::text, $31::text[], $32::text[], $33::uuid[], $36::text FROM schakel
               RETURNING keten, volgnummer, vorige_hash, hash
             )
             UPDATE ${this.tabel('keten_kop')} k SET volgnummer = r.volgnummer, hash = r.hash FROM regel r WHERE k.id = r.keten
             RETURNING r.volgnummer, r.vorige_hash, r.hash`,
      values: [
        v.deelnemerId,
        [...stempel],
        keten,
        canoniekeJson(regel),
        id,
        besluit.op,
        ...besluitParameters(besluit, traceId),
        ...regelParameters(regel),
        this.sleutels.pads.opad,
        this.sleutels.pads.ipad,
        this.sleutels.actief,
      ],
    });
    const rij = rows[0];
    return rij ? { keten, volgnummer: Number(rij.volgnummer), vorigeHash: rij.vorige_hash, hash: rij.hash, sleutelId: this.sleutels.actief, regel } : undefined;
  }

  /**
   * One READ COMMITTED transaction, begun in one statement (TypeORM's own would send the
   * isolation level as a second one: a round trip per decision).
   */
  transactie<T>(werk: (tx: TypeOrmConsentTransactie) => Promise<T>): Promise<T> {
    return this.begrenzer.metPlek(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('START TRANSACTION ISOLATION LEVEL READ COMMITTED');
        let resultaat: T;
        try {
          const tx = new TypeOrmConsentTransactie(runner.manager, this.sleutels, this.aantalKetens);
          resultaat = await werk(tx);
          await tx.schrijfUitgesteld();
        } catch (error) {
          await runner.query('ROLLBACK');
          throw error;
        }
        await runner.query('COMMIT');
        return resultaat;
      } finally {
        await runner.release();
      }
    });
  }

  async *verwerkingen(): AsyncIterable<Ketenregel> {
    let na: { keten: number; volgnummer: number } | undefined;
    for (;;) {
      const pagina = await this.verwerkingenPagina(na, this.paginagrootte);
      yield* pagina;
      const laatste = pagina[pagina.length - 1];
      if (!laatste || pagina.length < this.paginagrootte) return;
      na = { keten: laatste.keten, volgnummer: laatste.volgnummer };
    }
  }

  async levenscyclusTeBezorgen(max: number, leaseMs: number): Promise<readonly { signaal: IntrekkingSignaal; pogingen: number }[]> {
    const t = this.tabel('levenscyclus_outbox');
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rijen] = (await this.dataSource.query(
      `UPDATE ${t} o SET pogingen = o.pogingen + 1, volgende_poging = clock_timestamp() + $2 * interval '1 millisecond'
       WHERE o.toestemming_id IN (
         SELECT toestemming_id FROM ${t} WHERE bezorgd_op IS NULL AND volgende_poging <= clock_timestamp() ORDER BY volgende_poging LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING o.signaal, o.pogingen`,
      [max, leaseMs],
    )) as [{ signaal: IntrekkingSignaal; pogingen: number }[], number];
    return rijen.map((r) => ({ signaal: r.signaal, pogingen: Number(r.pogingen) }));
  }

  async levenscyclusBezorgd(toestemmingId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.tabel('levenscyclus_outbox')} SET bezorgd_op = clock_timestamp(), laatste_fout = NULL WHERE toestemming_id = $1`,
      [toestemmingId],
    );
  }

  async levenscyclusNietBezorgd(toestemmingId: string, wachtMs: number, fout: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.tabel('levenscyclus_outbox')} SET volgende_poging = clock_timestamp() + $2 * interval '1 millisecond', laatste_fout = $3
       WHERE toestemming_id = $1 AND bezorgd_op IS NULL`,
      [toestemmingId, wachtMs, fout],
    );
  }

  async gebeurtenissenNa(na: number, max: number): Promise<readonly UitgaandToestemmingFeit[]> {
    const schema = String((this.dataSource.options as { schema?: string }).schema);
    const rows: { id: string; volgnummer: string; soort: string; toestemming_id: string; datum: string; data: Record<string, unknown>; tijd: Date }[] =
      await this.dataSource.query(
        `SELECT id, volgnummer, soort, toestemming_id, datum::text AS datum, data, tijd FROM "${schema}".outbox WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`,
        [na, max],
      );
    return rows.map((r) => ({
      id: r.id,
      volgnummer: Number(r.volgnummer),
      soort: r.soort,
      toestemmingId: r.toestemming_id,
      datum: r.datum,
      data: r.data,
      tijd: r.tijd,
    }));
  }

  async verwerkingenPagina(na: { readonly keten: number; readonly volgnummer: number } | undefined, limiet: number): Promise<readonly Ketenregel[]> {
    const rijen: VerwerkingRij[] = await this.dataSource.query(
      `SELECT ${VERWERKING_KOLOMMEN} FROM ${this.tabel('verwerking')} WHERE (keten, volgnummer) > ($1, $2) ORDER BY keten, volgnummer LIMIT $3`,
      [na?.keten ?? -1, String(na?.volgnummer ?? 0), limiet],
    );
    return rijen.map(ketenregel);
  }

  /** The head of every chain with at least one line: `[keten, volgnummer, hash]` (what an anchor signs). */
  async ketenKoppen(): Promise<[number, number, string][]> {
    const s = `"${String((this.dataSource.options as { schema?: string }).schema)}"`;
    const rijen: { id: number; volgnummer: string; hash: string }[] = await this.dataSource.query(
      `SELECT id, volgnummer, hash FROM ${s}.keten_kop WHERE volgnummer > 0 ORDER BY id`,
    );
    return rijen.map((r) => [Number(r.id), Number(r.volgnummer), r.hash.trim()]);
  }

  /** The stored hash of one line, if it exists. */
  async hashOp(keten: number, volgnummer: number): Promise<string | undefined> {
    const s = `"${String((this.dataSource.options as { schema?: string }).schema)}"`;
    const [r]: { hash: string }[] = await this.dataSource.query(`SELECT hash FROM ${s}.verwerking WHERE keten = $1 AND volgnummer = $2`, [
      keten,
      String(volgnummer),
    ]);
    return r?.hash.trim();
  }

  async verwerkingenVan(betrokkene: string): Promise<readonly Ketenregel[]> {
    const rijen: VerwerkingRij[] = await this.dataSource.query(
      `SELECT ${VERWERKING_KOLOMMEN} FROM ${this.tabel('verwerking')} WHERE betrokkene = $1 ORDER BY keten, volgnummer`,
      [betrokkene],
    );
    return rijen.map(ketenregel);
  }
}
