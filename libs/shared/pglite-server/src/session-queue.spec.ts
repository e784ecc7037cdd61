import { connect, type Socket } from 'node:net';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

async function connected(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** One wire-protocol message: type byte, length, body. */
function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(5);
  head.write(type, 0, 'ascii');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const cstring = (s: string) => Buffer.from(`${s}\0`);

/** A raw connection past its startup (ReadyForQuery received). */
async function rawConnection(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  const params = Buffer.concat([cstring('user'), cstring('postgres'), cstring('database'), cstring('postgres'), Buffer.from([0])]);
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196_608, 4);
  await new Promise<void>((resolve, reject) => {
    let seen = Buffer.alloc(0);
    socket.once('error', reject);
    socket.on('data', function onData(data) {
      seen = Buffer.concat([seen, data]);
      if (seen.includes(Buffer.from('Z\0\0\0\x05I'))) {
        socket.off('data', onData);
        resolve();
      }
    });
    socket.write(Buffer.concat([startup, params]));
  });
  return socket;
}

describe('PGlite over the wire: many connections on its one session', () => {
  let server: EmbeddedPostgres;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ template: true, port: 0 });
    const setup = await connected(server.url);
    await setup.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await setup.end();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await server?.stop();
  });

  it('answers every connection its own rows while six of them insert, select with parameters and commit at once', async () => {
    for (let i = 0; i < 6; i++) clients.push(await connected(server.url));
    const wrong: string[] = [];
    await Promise.all(
      clients.map(async (c, k) => {
        for (let n = 0; n < 150; n++) {
          const id = k * 100_000 + n;
          if (k % 3 === 0) {
            await c.query('BEGIN');
            await c.query('INSERT INTO t (id, v) VALUES ($1, $2)', [id, `v${n}`]);
            const { rows } = await c.query('SELECT v FROM t WHERE id = $1', [id]);
            if (rows[0]?.v !== `v${n}`) wrong.push(`${k}: ${JSON.stringify(rows)}`);
            await c.query('COMMIT');
          } else if (k % 3 === 1) {
            const { rows } = await c.query('SELECT $1::int AS a, $2::text AS b', [n, `x${k}`]);
            if (rows[0]?.a !== n || rows[0]?.b !== `x${k}`) wrong.push(`${k}: ${JSON.stringify(rows)}`);
          } else {
            await c.query('INSERT INTO t (id, v) VALUES ($1, $2)', [id, 'w']);
            const { rows } = await c.query('SELECT count(*)::int AS n FROM t WHERE id >= $1 AND id < $2', [k * 100_000, (k + 1) * 100_000]);
            if (rows[0]?.n !== n + 1) wrong.push(`${k}: ${JSON.stringify(rows)}`);
          }
        }
      }),
    );
    expect(wrong).toEqual([]);
    const { rows } = await clients[0].query('SELECT count(*)::int AS n FROM t');
    expect(rows[0].n).toBe(4 * 150);
  }, 120_000);

  it('rolls back the transaction of a connection that goes away in it, and serves the others', async () => {
    const other = await connected(server.url);
    clients.push(other);
    const leaving = await connected(server.url);
    leaving.on('error', () => undefined);
    await leaving.query('BEGIN');
    await leaving.query('INSERT INTO t (id, v) VALUES ($1, $2)', [900_001, 'never committed']);
    const waiting = other.query('SELECT count(*)::int AS n FROM t WHERE id = $1', [900_001]);
    (leaving as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
    expect((await waiting).rows[0].n).toBe(0);
  }, 30_000);

  it('ends the exchange of a connection that goes away between Parse and Sync, and serves the others', async () => {
    const other = await connected(server.url);
    clients.push(other);
    const raw = await rawConnection(server.port);
    raw.write(message('P', cstring(''), cstring('SELECT 1/0'), Buffer.from([0, 0])));
    raw.write(message('B', cstring(''), cstring(''), Buffer.from([0, 0, 0, 0, 0, 0])));
    const waiting = other.query('SELECT $1::text AS v', ['served']);
    await new Promise((done) => setTimeout(done, 200));
    raw.destroy();
    expect((await waiting).rows).toEqual([{ v: 'served' }]);
  }, 30_000);
});
