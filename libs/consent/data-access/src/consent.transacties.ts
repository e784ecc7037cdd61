import { type Rij, SchemaSql } from '@ketenregie/shared-platform';
import {
  type Besluit,
  type Herinnering,
  type Ketenregel,
  type KetenSleutels,
  type Toestemming,
  type ToestemmingGebeurtenis,
  type Verwerkingsregel,
  type ToestemmingFeit,
} from '@ketenregie/consent-domain';
import type { IntrekkingSignaal } from '@ketenregie/consent-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { type StatusRij, toestemming, toestemmingRij } from './consent.kolommen';
import type { HmacKetenSleutels } from './consent.crypto';
import { besluitInvoeging, leesBesluit, ontvangersOpToestemming } from './besluit.repository';
import { bewaarHerinnering, herinneringenVoor } from './herinnering.repository';
import { meldLevenscyclus } from './levenscyclus-outbox.repository';
import { publiceer } from './toestemming-feed.repository';
import { voegRegelToe } from './verwerking.repository';

/** The row lock a read takes inside a transaction, as PostgreSQL spells it. */
const LOCK = { geen: '', delen: 'FOR SHARE', exclusief: 'FOR UPDATE' } as const;
/** Row lock a read takes inside a transaction (the application's `Vergrendeling`). */
type Vergrendeling = keyof typeof LOCK;

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

/**
 * The application's `ConsentTransactie` port on one database transaction: the consents it reads
 * (with their locks) and writes, and the other aggregates' writes bound to the same transaction
 * (decisions, log lines, reminders, the two outboxes), each written by its repository's function.
 */
export class SqlConsentTransactie {
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
    private readonly sql: SchemaSql,
    private readonly manager: EntityManager,
    private readonly sleutels: KetenSleutels,
    private readonly aantalKetens: number,
  ) {}

  /** Runs SQL (`$S.` is the schema) in this transaction. */
  private q(sql: string, params: unknown[] = []): Promise<Rij[]> {
    return this.sql.q(sql, params, this.manager);
  }

  async nu(): Promise<Date> {
    const gelezen = this.klok;
    this.klok = undefined;
    if (gelezen) return gelezen;
    const [rij] = (await this.q("SELECT date_trunc('milliseconds', clock_timestamp()) AS nu")) as { nu: Date }[];
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
      (await this.q(
        `SELECT id, deelnemer_id, verlener, doel, categorieen, bronnen, ontvangers, geldig_vanaf, geldig_tot, bewijs, vervangt
         FROM $S.toestemming WHERE ${'id' in waar ? 'id' : 'deelnemer_id'} = $1 ORDER BY id ${LOCK[vergrendeling]}`,
        ['id' in waar ? waar.id : waar.deelnemerId],
      )) as Record<string, unknown>[]
    ).map((r) => toestemmingRij(r));
    this.klok = undefined;
    if (rijen.length === 0) return [];
    // The history and the clock in one round trip: the clock is read after the locks above.
    const gelezen = (await this.q(
      `SELECT h.toestemming_id, h.volgnummer, h.status, h.op, h.door, h.reden, h.vervangen_door, date_trunc('milliseconds', clock_timestamp()) AS nu
       FROM $S.toestemming_status h WHERE h.toestemming_id = ANY($1) ORDER BY h.toestemming_id, h.volgnummer`,
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
    if (wachtend) await this.q(wachtend.sql, [...wachtend.params]);
  }

  async bewaarNieuweToestemming(t: Toestemming): Promise<void> {
    await this.schrijfUitgesteld();
    const laatste = t.historie[t.historie.length - 1];
    await this.q(
      `INSERT INTO $S.toestemming (id, deelnemer_id, verlener, doel, categorieen, bronnen, ontvangers, geldig_vanaf, geldig_tot, bewijs, vervangt,
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
    await this.q(
      `INSERT INTO $S.toestemming_status (toestemming_id, volgnummer, status, op, door, reden, vervangen_door)
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
    await this.q(`UPDATE $S.toestemming SET status = $2, versie = $3 WHERE id = $1`, [na.id, g.status, na.historie.length]);
  }

  /** Stores the decision with the transaction's next statement (one round trip less per decision). */
  async bewaarBesluit(id: string, besluit: Besluit, traceId: string): Promise<void> {
    await this.schrijfUitgesteld();
    this.uitgesteld = besluitInvoeging(id, besluit, traceId);
  }

  async ontvangersOpToestemming(deelnemerId: string, toestemmingId: string): Promise<readonly string[]> {
    await this.schrijfUitgesteld();
    return ontvangersOpToestemming(this.sql, this.manager, deelnemerId, toestemmingId);
  }

  async besluit(id: string): Promise<Besluit | undefined> {
    await this.schrijfUitgesteld();
    return leesBesluit(this.sql, this.manager, id);
  }

  /** Appends to the data subject's chain ({@link voegRegelToe}), with a decision row still waiting to be written in its first statement. */
  async logVerwerking(regel: Verwerkingsregel): Promise<Ketenregel> {
    const wachtend = this.uitgesteld;
    this.uitgesteld = undefined;
    return voegRegelToe(this.sql, this.manager, regel, { sleutels: this.sleutels, aantalKetens: this.aantalKetens }, wachtend);
  }

  async publiceer(f: ToestemmingFeit): Promise<void> {
    await this.schrijfUitgesteld();
    await publiceer(this.sql, this.manager, f);
  }

  async meldLevenscyclus(signaal: IntrekkingSignaal): Promise<void> {
    await this.schrijfUitgesteld();
    await meldLevenscyclus(this.sql, this.manager, signaal);
  }

  async bewaarHerinnering(h: Herinnering): Promise<boolean> {
    await this.schrijfUitgesteld();
    return bewaarHerinnering(this.sql, this.manager, h);
  }

  async herinneringenVoor(coach: string): Promise<readonly Herinnering[]> {
    await this.schrijfUitgesteld();
    return herinneringenVoor(this.sql, this.manager, coach);
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

/**
 * The application's `ConsentTransacties` on PostgreSQL: the unit of work of the consent use
 * cases, which lock consents and the head of a log chain in one transaction.
 */
export class SqlConsentTransacties {
  private readonly sql: SchemaSql;
  private readonly begrenzer: Begrenzer;
  private readonly aantalKetens: number;

  constructor(
    dataSource: DataSource,
    private readonly sleutels: HmacKetenSleutels,
    opties: {
      /** Concurrent transactions; keep it below the pool size so log reads still get a connection. */
      readonly gelijktijdig: number;
      /** Chains of the processing log; must equal the rows of `keten_kop`. */
      readonly aantalKetens: number;
    },
  ) {
    this.sql = new SchemaSql(dataSource);
    this.begrenzer = new Begrenzer(opties.gelijktijdig);
    this.aantalKetens = opties.aantalKetens;
  }

  /**
   * One READ COMMITTED transaction, begun in one statement (TypeORM's own would send the
   * isolation level as a second one: a round trip per decision).
   */
  transactie<T>(werk: (tx: SqlConsentTransactie) => Promise<T>): Promise<T> {
    return this.begrenzer.metPlek(async () => {
      const runner = this.sql.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('START TRANSACTION ISOLATION LEVEL READ COMMITTED');
        let resultaat: T;
        try {
          const tx = new SqlConsentTransactie(this.sql, runner.manager, this.sleutels, this.aantalKetens);
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
}
