// The order in which PGlite's one session serves the wire-protocol messages of many connections.
'use strict';

/** Sync ('S'): ends an extended-protocol exchange, and an error's skipping of messages. */
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);

/** A simple Query message ('Q') of `sql`. */
function queryMessage(sql) {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'ascii');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

/**
 * Whether the backend has answered a whole exchange once `message` is done: a simple Query,
 * a Sync closing an extended-protocol exchange, a Terminate, or the startup message (which
 * has no type byte and starts with the high byte of its length, 0).
 */
function endsExchange(message) {
  const type = message[0];
  return type === 0x51 /* Q */ || type === 0x53 /* S */ || type === 0x58 /* X */ || type === 0;
}

/**
 * Serves the messages of every connection to the one PGlite session, and gives the session to
 * a single connection from its first message until the backend is ready for another exchange
 * outside a transaction.
 *
 * `PGLiteSocketServer`'s own queue (pglite-socket 0.2.17) keeps a connection's messages together
 * only while a transaction is open. Between the Parse and the Sync of an extended-protocol
 * exchange (every query with parameters) another connection's messages then run in between:
 * its Parse replaces the unnamed prepared statement, so the first connection binds the other's
 * statement and gets wrong rows or errors; after an error the backend skips every message until
 * a Sync, a skipped simple query is never answered and its connection waits forever; and an
 * exception from PGlite leaves that queue stopped for good (electric-sql/pglite#1046). This
 * queue implements the same interface (`enqueue`, `getQueueLength`, `clearQueueForHandler`,
 * `clearTransactionIfNeeded`), so the server's connection handlers use it unchanged.
 */
class SessionQueue {
  /** @param {import('@electric-sql/pglite').PGlite} db */
  constructor(db) {
    this.db = db;
    /** @type {Array<{ handlerId: number, message?: Uint8Array, onData?: (data: Uint8Array) => void, resolve: (bytes: number) => void, reject: (error: Error) => void }>} */
    this.waiting = [];
    /** The connection the session belongs to until its exchange or transaction ends; null when free. */
    this.owner = null;
    /** The message running now. */
    this.current = null;
    this.running = false;
  }

  /** Queues one message of a connection; resolves with the bytes answered once it has run. */
  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength() {
    return this.waiting.length;
  }

  /** A connection went away: its queued messages are dropped. */
  clearQueueForHandler(handlerId) {
    this.waiting = this.waiting.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /**
   * A connection went away: if the session is its, end its exchange and roll back its
   * transaction, and give the session to the others. Queued, so it runs after the message the
   * session is running now.
   */
  clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId && this.current?.handlerId !== handlerId) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.unshift({ handlerId, resolve, reject });
      void this.pump();
    });
  }

  next() {
    const index = this.owner === null ? 0 : this.waiting.findIndex((item) => item.handlerId === this.owner);
    return index === -1 || this.waiting.length === 0 ? undefined : this.waiting.splice(index, 1)[0];
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        if (item.message === undefined) {
          await this.release(item.handlerId);
          item.resolve(0);
          continue;
        }
        let bytes = 0;
        this.current = item;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          // The connection is closed on this error; until its release the session stays its.
          this.owner = item.handlerId;
          item.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        } finally {
          this.current = null;
        }
        this.owner = endsExchange(item.message) && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }

  /** Ends a departed connection's exchange and transaction if the session is still its. */
  async release(handlerId) {
    if (this.owner !== handlerId) return;
    try {
      await this.db.runExclusive(async () => {
        await this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined });
        if (this.db.isInTransaction()) await this.db.execProtocolRawStream(queryMessage('ROLLBACK'), { onRawData: () => undefined });
      });
    } finally {
      this.owner = null;
    }
  }
}

/**
 * A `PGLiteSocketServer` for `db` whose connections take turns through {@link SessionQueue}.
 * @param {typeof import('@electric-sql/pglite-socket').PGLiteSocketServer} PGLiteSocketServer
 * @param {ConstructorParameters<typeof import('@electric-sql/pglite-socket').PGLiteSocketServer>[0]} options
 */
function createSocketServer(PGLiteSocketServer, options) {
  const server = new PGLiteSocketServer(options);
  // Connection handlers take the server's queue when they are created, so it is swapped before
  // start(). The check fails loudly if a pglite-socket upgrade renames what is replaced.
  if (typeof server.queryQueue?.enqueue !== 'function' || typeof server.queryQueue?.clearTransactionIfNeeded !== 'function') {
    throw new Error('pglite-socket no longer has the queryQueue this server replaces; check electric-sql/pglite#1046 before upgrading');
  }
  server.queryQueue = new SessionQueue(options.db);
  return server;
}

module.exports = { createSocketServer };
