import { startEmbeddedPostgres } from '@ketenregie/shared-embedded-postgres';
import { parseArgs } from 'node:util';

/**
 * Child process of the orchestrator: runs the embedded PostgreSQL cluster until SIGTERM/SIGINT,
 * then shuts it down cleanly. Reports `{ type: 'ready', url }` over IPC once it accepts
 * connections, and exits when PostgreSQL stops on its own, so the orchestrator notices.
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
  void db.exited.then(() => {
    if (stopping) return;
    process.stderr.write('embedded PostgreSQL stopped unexpectedly\n');
    process.exit(1);
  });
  process.send?.({ type: 'ready', url: db.url });
  process.stdout.write(`embedded PostgreSQL ready on ${db.host}:${db.port} (process ${db.pid}), data in ${dataDir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
