// Child process serving a throw-away in-memory PGlite for one test run. It starts from an
// initialised data directory cached once per machine and PGlite version (initdb takes
// seconds on a busy 2-core machine). Plain CommonJS: PGlite's dynamic imports do not work
// inside Jest's VM.
'use strict';
const { mkdir, readFile, rename, writeFile } = require('node:fs/promises');
const { dirname, join } = require('node:path');
const { tmpdir } = require('node:os');
const { randomBytes } = require('node:crypto');

async function template(PGlite) {
  const pkg = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(await readFile(pkg, 'utf8'));
  const file = join(tmpdir(), `ketenregie-pglite-template-${version}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const db = await PGlite.create('memory://');
  const bytes = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  await db.close();
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return new Blob([bytes]);
}

async function main() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create({ dataDir: 'memory://', loadDataDir: await template(PGlite) });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      await server.stop();
      await db.close();
    })()).then(() => process.exit(0), () => process.exit(1));
  process.on('message', (message) => message && message.type === 'stop' && stop());
  process.on('disconnect', stop);
  process.send({ type: 'ready', port: Number(server.getServerConn().split(':').pop()) });
}

main().catch((error) => {
  if (process.connected) process.send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
