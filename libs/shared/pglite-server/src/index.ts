import { join } from 'node:path';

/**
 * Script of the child process that serves PGlite over the PostgreSQL wire protocol (`fork` it
 * with a JSON options argument; see the file). Its connections take turns on PGlite's one
 * session through `SessionQueue` (session-queue.js).
 */
export const PGLITE_SERVER_RUNNER = join(__dirname, 'pglite-server.runner.js');
