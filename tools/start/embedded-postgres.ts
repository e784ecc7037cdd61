import { startEmbeddedPostgres } from '@ketenregie/shared-pglite-server';
import { parseArgs } from 'node:util';

/**
 * Child process of the orchestrator: serves the embedded PGlite database until SIGTERM/SIGINT,
 * then closes it cleanly (flushes the data directory and releases its lock).
 * Reports `{ type: 'ready', url }` over IPC once it accepts connections.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required');
  const db = await startEmbeddedPostgres({ dataDir, port: Number(values.port ?? 5433), host: values.host ?? '127.0.0.1' });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.send?.({ type: 'ready', url: db.url });
  process.stdout.write(`embedded PostgreSQL (PGlite) ready at ${db.url}, data in ${dataDir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded PostgreSQL failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
