import type { IntrekkingSignaal } from '@ketenregie/consent-contracts';
import type {
  Besluit,
  Herinnering,
  Ketenregel,
  Pseudonimiseer,
  RegisterVersie,
  KetenSleutels,
  Toestemming,
  ToestemmingGebeurtenis,
  Verwerkingsregel,
  Verwerkingsregister,
  ToestemmingFeit,
  UitgaandToestemmingFeit,
} from '@ketenregie/consent-domain';

/**
 * The consent lifecycle workflows (expiry timer, reminder, notifying dependants), as the use
 * cases see them. Called after the transaction committed; the database stays the source of
 * truth for decisions, so a failure here never undoes a recorded consent or withdrawal. The end
 * of a consent goes through the lifecycle outbox (written with the withdrawal, delivered with
 * retries); `beeindigd` must be idempotent and answer normally when the workflow no longer runs.
 */
export interface ToestemmingLevenscyclusPoort {
  gestart(toestemming: Toestemming): Promise<void>;
  beeindigd(signaal: IntrekkingSignaal): Promise<void>;
}

/** W3C trace context of the incoming request. */
export interface Aanroep {
  readonly traceId: string;
  /** The caller's span (parent-id of `traceparent`), when the request carried one. */
  readonly parentSpanId?: string;
  /** The caller's bearer token, to read the caller organisation's involvement from the traject context. */
  readonly bearer?: string;
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
  /**
   * The recipient organisations of the deelnemer's decisions that permitted a disclosure resting
   * on this consent (a referral's receiver, a handover's): whose access this consent carried.
   */
  ontvangersOpToestemming(deelnemerId: string, toestemmingId: string): Promise<readonly string[]>;
  /** Appends a line to the hash-chained processing log, serialised on the chain head. */
  logVerwerking(regel: Verwerkingsregel): Promise<Ketenregel>;
  /** Stores the reminder unless one exists for the consent; true when it was new. */
  bewaarHerinnering(herinnering: Herinnering): Promise<boolean>;
  /** The coach's reminders of consents still in force (status `gegeven`), soonest expiry first. */
  herinneringenVoor(coach: string): Promise<readonly Herinnering[]>;
  /** Writes a published fact to the outbox, once per `sleutel` (absent: a store that publishes nothing). */
  publiceer?(feit: ToestemmingFeit): Promise<void>;
  /**
   * Writes the end of a consent (withdrawn, superseded) to the lifecycle outbox, in this
   * transaction, once per consent: it reaches the lifecycle workflow from there, with retries
   * ({@link LevenscyclusOutboxRepository.levenscyclusTeBezorgen}), also when Temporal is down at the commit.
   */
  meldLevenscyclus(signaal: IntrekkingSignaal): Promise<void>;
}

/** A lifecycle outbox entry claimed for delivery. */
export interface LevenscyclusBericht {
  readonly signaal: IntrekkingSignaal;
  /** Delivery attempts including this one. */
  readonly pogingen: number;
}

/**
 * What one decision reads, in one round trip and without locks: the deelnemer's consents with
 * their history, the database clock after that read, and a stamp of the consents' state that
 * {@link BesluitRepository.legBesluitVast} checks under lock before it writes.
 */
export interface BesluitGrondslag {
  readonly toestemmingen: readonly Toestemming[];
  /** The database clock, truncated to milliseconds: the decision instant. */
  readonly op: Date;
  /** Which consents the deelnemer has and how many events each had; opaque to callers. */
  readonly stempel: readonly string[];
}

/** The unit of work of the consent use cases: consents, decisions, log lines and reminders in one transaction. */
export interface ConsentTransacties {
  /** Runs `werk` in one READ COMMITTED transaction; commits when it resolves, rolls back when it throws. */
  transactie<T>(werk: (tx: ConsentTransactie) => Promise<T>): Promise<T>;
}

/** A decision's optimistic path: read without locks, then store it with its log line in one atomic step. */
export interface BesluitRepository {
  /**
   * The facts of one decision about `deelnemerId` ({@link BesluitGrondslag}), read without locks
   * in one round trip (the optimistic path of a decision; see {@link legBesluitVast}).
   */
  leesVoorBesluit(deelnemerId: string): Promise<BesluitGrondslag>;
  /**
   * Stores the decision and appends its log line (linked to the head of its chain) in one atomic
   * step, only if the deelnemer's consents are, under lock, still as `stempel` says: so a
   * withdrawal that committed after {@link leesVoorBesluit} is never overtaken by a decision made
   * without it. Answers the line as appended, or undefined when the consents changed (nothing
   * written: read and decide again).
   */
  legBesluitVast(id: string, besluit: Besluit, traceId: string, regel: Verwerkingsregel, stempel: readonly string[]): Promise<Ketenregel | undefined>;
}

/** The hash-chained processing log, as read (lines are appended in a {@link ConsentTransactie} or by {@link BesluitRepository.legBesluitVast}). */
export interface VerwerkingRepository {
  /** How many independent hash chains the processing log is split into ({@link ketenVoor}). */
  readonly aantalKetens: number;
  /** The whole processing log in (chain, sequence number) order, streamed in pages. */
  verwerkingen(): AsyncIterable<Ketenregel>;
  /** One page of the log in (chain, sequence number) order, after `na` (from the start when undefined). */
  verwerkingenPagina(na: { readonly keten: number; readonly volgnummer: number } | undefined, limiet: number): Promise<readonly Ketenregel[]>;
  /** The log lines about one (pseudonymised) data subject, in chain order. */
  verwerkingenVan(betrokkene: string): Promise<readonly Ketenregel[]>;
}

/** Delivery of the lifecycle outbox (written by {@link ConsentTransactie.meldLevenscyclus}). */
export interface LevenscyclusOutboxRepository {
  /**
   * Claims up to `max` undelivered lifecycle outbox entries that are due, each for `leaseMs`
   * (another process claims it again only after that): at-least-once delivery across processes.
   */
  levenscyclusTeBezorgen(max: number, leaseMs: number): Promise<readonly LevenscyclusBericht[]>;
  /** Marks a lifecycle outbox entry delivered. */
  levenscyclusBezorgd(toestemmingId: string): Promise<void>;
  /** A failed delivery: the entry is due again after `wachtMs`. */
  levenscyclusNietBezorgd(toestemmingId: string, wachtMs: number, fout: string): Promise<void>;
}

/** The published consent facts (written by {@link ConsentTransactie.publiceer}). */
export interface ToestemmingFeedRepository {
  /** The outbox after sequence number `na`, oldest first. */
  gebeurtenissenNa(na: number, max: number): Promise<readonly UitgaandToestemmingFeit[]>;
}

/** Storage of the versioned processing register. */
export interface RegisterRepository {
  laad(): Promise<Verwerkingsregister>;
  /** Stores versions not yet present; an existing version is never changed. Returns how many were added. */
  voegOntbrekendeToe(versies: readonly RegisterVersie[]): Promise<number>;
}

/**
 * Everything the consent use cases need from persistence and crypto, as one data-access lib
 * provides it (`consentStorage`); {@link consentStorageProviders} binds it to the tokens.
 */
export interface ConsentStorage {
  readonly transacties: ConsentTransacties;
  readonly besluiten: BesluitRepository;
  readonly verwerkingen: VerwerkingRepository;
  readonly levenscyclusOutbox: LevenscyclusOutboxRepository;
  readonly feed: ToestemmingFeedRepository;
  readonly register: RegisterRepository;
  readonly pseudonimiseer: Pseudonimiseer;
  readonly ketenSleutels: KetenSleutels;
}
