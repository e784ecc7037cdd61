import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Stack {
  url: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  processes(): { name: string; pid: number }[];
}

/** Whether `pid` runs (not a zombie), and its parent: from `ps`, as a user would look. */
function ps(pid: number): { command: string; ppid: number } | undefined {
  try {
    const [state, ppid, ...command] = execFileSync('ps', ['-ww', '-o', 'stat=,ppid=,command=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .split(/\s+/);
    return state && !state.startsWith('Z') ? { command: command.join(' '), ppid: Number(ppid) } : undefined;
  } catch {
    return undefined;
  }
}

/** Workflow runs and history events in the dev server's schema, and trajecten of traject-service. */
async function stored(url: string): Promise<{ runs: number; events: number; trajecten: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return { runs: await count('temporal.runs'), events: await count('temporal.history_events'), trajecten: await count('traject.traject_overzicht') };
  } finally {
    await client.end();
  }
}

/** The running postmaster of the stack's embedded cluster, from its `postmaster.pid`. */
function postmasterOf(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postgres', 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function devToken(url: string, organisatie: string, rol: string): Promise<string> {
  const response = await fetch(`${url}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisatie, rol }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('the Ketenregie stack over HTTP (npm start on a fresh machine)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-'));
  let ports: Awaited<ReturnType<typeof freePorts>>;
  let stack: Stack;
  const log: string[] = [];

  beforeAll(async () => {
    ports = await freePorts();
    stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports, log: (line: string) => log.push(line) });
  }, START_TIMEOUT);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('is ready: every service, the database and Temporal', async () => {
    const response = await fetch(`${stack.url}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { details: Record<string, { status: string; checks?: Record<string, { status: string }> }> };
    expect(body.details['temporal'].status).toBe('up');
    for (const service of ['monitor-service', 'consent-service']) {
      expect(body.details[service].checks).toMatchObject({ database: { status: 'up' }, temporal: { status: 'up' } });
    }
    expect(log.some((line) => /seed .*done in/.test(line))).toBe(true);
  });

  it('lists the demo region in the public organisation registry', async () => {
    const response = await fetch(`${stack.url}/api/v1/organisaties`);
    expect(response.status).toBe(200);
    const organisaties = (await response.json()) as { id: string; naam: string; type: string }[];
    const count = (type: string) => organisaties.filter((o) => o.type === type).length;
    expect({
      gemeente: count('gemeente'),
      uitvoerder: count('uitvoerder'),
      ggz: count('ggz'),
      schuldhulp: count('schuldhulp'),
      werkgever: count('werkgever'),
    }).toEqual({
      gemeente: 1,
      uitvoerder: 2,
      ggz: 1,
      schuldhulp: 1,
      werkgever: 2,
    });
    expect(organisaties.find((o) => o.id === 'gemeente-dommeldal')?.naam).toContain('Dommeldal');
  });

  it('issues a dev token that a service accepts', async () => {
    const token = await devToken(stack.url, 'ggz-zuiderlicht', 'stuurgroeplid');
    const response = await fetch(`${stack.url}/api/v1/stuurgroepen`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const [stuurgroep] = (await response.json()) as { id: string; leden: { id: string }[] }[];
    expect(stuurgroep.id).toBe('stuurgroep-dommeldal');
    expect(stuurgroep.leden.map((l) => l.id)).toContain('ggz-zuiderlicht');
  });

  it('answers 401 problem+json without a valid token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not.a.token' }] as Record<string, string>[]) {
      const response = await fetch(`${stack.url}/api/v1/stuurgroepen`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { code: string }).code).toMatch(/^AUTH\.TOKEN_/);
    }
  });

  it("publishes the services' OpenAPI through the gateway, with a browsable reference", async () => {
    const response = await fetch(`${stack.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown>; 'x-ketenregie-services': Record<string, string> };
    expect(document['x-ketenregie-services']).toMatchObject({ 'monitor-service': 'ok', 'consent-service': 'ok' });
    expect(Object.values(document['x-ketenregie-services']).every((status) => status === 'ok')).toBe(true);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/organisaties', '/api/v1/stuurgroepen', '/auth/dev-token']));
    const docs = await fetch(`${stack.url}/api/v1/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it(
    'stops every part, and a second start finds the data and the signing key where they were left',
    async () => {
      const token = await devToken(stack.url, 'gemeente-dommeldal', 'klantmanager');
      await stack.stop();
      for (const port of [ports.gatewayPort, ports.pgPort, ports.temporalPort, ...Object.values(ports.servicePorts)]) expect(await portOpen(port)).toBe(false);

      stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports });
      const organisaties = (await (await fetch(`${stack.url}/api/v1/organisaties`)).json()) as unknown[];
      expect(organisaties).toHaveLength(8);
      const response = await fetch(`${stack.url}/api/v1/stuurgroepen`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
    },
    START_TIMEOUT,
  );

  it(
    'runs a real PostgreSQL under the stack, and after kill -9 of every process a start finds everything',
    async () => {
      const token = await devToken(stack.url, 'gemeente-dommeldal', 'klantmanager');
      const before = await stored(stack.env.DATABASE_URL as string);
      expect(before.trajecten).toBeGreaterThan(0);
      const postmaster = postmasterOf(dataDir);
      expect(ps(postmaster)?.command).toMatch(/\/postgres -D \S+\/postgres\/cluster /);
      // Its runner is a child of the database part of the stack.
      const database = stack.processes().find((p) => p.name === 'database');
      const runner = ps(postmaster)?.ppid as number;
      expect(ps(runner)?.ppid).toBe(database?.pid);

      for (const { pid } of stack.processes()) process.kill(-pid, 'SIGKILL');
      while (ps(postmaster) || stack.processes().some(({ pid }) => ps(pid))) await new Promise((resolve) => setTimeout(resolve, 100));
      await stack.stop();

      stack = await startStack({ env: freshMachineEnv(), dataDir, ...ports });
      expect(ps(postmasterOf(dataDir))?.command).toMatch(/\/postgres -D /);
      expect(await (await fetch(`${stack.url}/api/v1/organisaties`)).json()).toHaveLength(8);
      expect((await fetch(`${stack.url}/api/v1/stuurgroepen`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      const after = await stored(stack.env.DATABASE_URL as string);
      expect(after).toMatchObject({ runs: before.runs, trajecten: before.trajecten });
      expect(after.events).toBeGreaterThanOrEqual(before.events);
    },
    START_TIMEOUT,
  );
});
