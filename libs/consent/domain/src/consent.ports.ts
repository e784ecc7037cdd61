import { type Besluit } from './besluit';
import { type Toestemming, type ToestemmingGebeurtenis } from './toestemming';
import { type Ketenregel, type Verwerkingsregel } from './verwerkingslog';
import { type RegisterVersie, type Verwerkingsregister } from './verwerkingsregister';

/** A reminder to a coach that a consent expires soon (one per consent). */
export interface Herinnering {
  readonly toestemmingId: string;
  readonly deelnemerId: string;
  /** Subject id of the coach. */
  readonly coach: string;
  readonly geldigTot: Date;
  readonly aangemaaktOp: Date;
}

/** Row lock a read takes inside a transaction. */
export type Vergrendeling = 'geen' | 'delen' | 'exclusief';

/**
 * The persistence operations of one consent transaction (implemented in data-access). Every
 * call runs in the same database transaction; locks are held until it ends.
 */
export interface ConsentTransactie {
  /**
   * The database clock now, truncated to milliseconds. Read it after taking the locks a decision
   * or withdrawal depends on: then the order of timestamps equals the order of commits on the
   * locked consent rows.
   */
  nu(): Promise<Date>;
  toestemming(id: string, vergrendeling: Vergrendeling): Promise<Toestemming | undefined>;
  /** All consents of a deelnemer with their history, locked as asked. */
  toestemmingenVan(deelnemerId: string, vergrendeling: Vergrendeling): Promise<readonly Toestemming[]>;
  bewaarNieuweToestemming(toestemming: Toestemming): Promise<void>;
  /** Appends the last event of `na` to the history and updates the consent's current status. */
  bewaarGebeurtenis(na: Toestemming, gebeurtenis: ToestemmingGebeurtenis): Promise<void>;
  bewaarBesluit(id: string, besluit: Besluit, traceId: string): Promise<void>;
  /** A stored decision as it was taken. */
  besluit(id: string): Promise<Besluit | undefined>;
  /** Appends a line to the hash-chained processing log, serialised on the chain head. */
  logVerwerking(regel: Verwerkingsregel): Promise<Ketenregel>;
  /** Stores the reminder unless one exists for the consent; true when it was new. */
  bewaarHerinnering(herinnering: Herinnering): Promise<boolean>;
  /** The coach's reminders of consents still in force (status `gegeven`), soonest expiry first. */
  herinneringenVoor(coach: string): Promise<readonly Herinnering[]>;
  /** Writes a published fact to the outbox, once per `sleutel` (absent: a store that publishes nothing). */
  publiceer?(feit: ToestemmingFeit): Promise<void>;
}

/** A consent given or withdrawn as the consent context publishes it: ids, codes and the recording organisation, no deelnemer. */
export interface ToestemmingFeit {
  readonly sleutel: string;
  readonly soort: 'gegeven' | 'ingetrokken';
  readonly toestemmingId: string;
  /** Amsterdam date (YYYY-MM-DD). */
  readonly datum: string;
  readonly organisatie: string;
  readonly doel: string;
}

/** A row of the outbox as the feed reads it. */
export interface UitgaandToestemmingFeit {
  readonly id: string;
  readonly volgnummer: number;
  readonly soort: string;
  readonly toestemmingId: string;
  readonly datum: string;
  readonly data: Record<string, unknown>;
  readonly tijd: Date;
}

/** Storage of the consent context. */
export interface ConsentOpslag {
  /** How many independent hash chains the processing log is split into ({@link ketenVoor}). */
  readonly aantalKetens: number;
  /** Runs `werk` in one READ COMMITTED transaction; commits when it resolves, rolls back when it throws. */
  transactie<T>(werk: (tx: ConsentTransactie) => Promise<T>): Promise<T>;
  /** The whole processing log in (chain, sequence number) order, streamed in pages. */
  verwerkingen(): AsyncIterable<Ketenregel>;
  /** One page of the log in (chain, sequence number) order, after `na` (from the start when undefined). */
  verwerkingenPagina(na: { readonly keten: number; readonly volgnummer: number } | undefined, limiet: number): Promise<readonly Ketenregel[]>;
  /** The log lines about one (pseudonymised) data subject, in chain order. */
  verwerkingenVan(betrokkene: string): Promise<readonly Ketenregel[]>;
  /** The outbox after sequence number `na`, oldest first (absent: nothing is published). */
  gebeurtenissenNa?(na: number, max: number): Promise<readonly UitgaandToestemmingFeit[]>;
}

/** Storage of the versioned processing register. */
export interface RegisterOpslag {
  laad(): Promise<Verwerkingsregister>;
  /** Stores versions not yet present; an existing version is never changed. Returns how many were added. */
  voegOntbrekendeToe(versies: readonly RegisterVersie[]): Promise<number>;
}
