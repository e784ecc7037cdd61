/**
 * Issue 4 bench: visibility (ListWorkflowExecutions / CountWorkflowExecutions) with
 * BENCH_VIS_WORKFLOWS (50,000) open workflows, on PostgreSQL (filter, order and page in SQL) and
 * on the in-memory store (filter in memory), in the same run.
 *
 * The workflows are started without a worker (each waits for its first workflow task) with two
 * custom search attributes: Gemeente (Keyword, 5 values) and Fase (Int, 0 to 9). Each query is
 * timed over the gRPC API (median of 5). Also timed: reading and deserializing every run state of
 * the namespace, which is what the PostgreSQL store did for every list call before (the floor of
 * that approach's latency).
 *
 * PostgreSQL: a fresh database on DATABASE_URL's server, else on the embedded cluster, dropped
 * at the end.
 */
import { deserialize } from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { Client as PgClient } from 'pg';
import { concurrently } from './src/concurrently';
import { startDevServer, type RunningDevServer } from './src/dev-server';

const WORKFLOWS = Number(process.env['BENCH_VIS_WORKFLOWS'] ?? 50_000);
const START_CONCURRENCY = 64;
const GEMEENTEN = ['Zaanstad', 'Purmerend', 'Edam', 'Wormerland', 'Oostzaan'];
const SEARCH_ATTRIBUTES = ['--search-attribute', 'Gemeente=Keyword', '--search-attribute', 'Fase=Int'];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed<T>(fn: () => Promise<T>, times = 5): Promise<{ ms: number; result: T }> {
  const durations: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    result = await fn();
    durations.push(performance.now() - t0);
  }
  return { ms: median(durations), result: result as T };
}

async function fill(client: Client): Promise<number> {
  const started = performance.now();
  await concurrently(WORKFLOWS, START_CONCURRENCY, async (i) => {
    await client.workflow.start('visibilityBench', {
      taskQueue: 'bench-visibility-nobody',
      workflowId: `vis-${i}`,
      searchAttributes: { Gemeente: [GEMEENTEN[i % GEMEENTEN.length] as string], Fase: [i % 10] },
    });
  });
  return (performance.now() - started) / 1000;
}

interface Row {
  what: string;
  ms: number;
  rows: number;
}

async function measure(server: RunningDevServer): Promise<{ rows: Row[]; fillSeconds: number; rssMiB?: number }> {
  const connection = await Connection.connect({ address: server.address });
  try {
    const client = new Client({ connection });
    const fillSeconds = await fill(client);
    const service = connection.workflowService;
    const list = (query: string, pageSize: number, nextPageToken?: Uint8Array) =>
      service.listWorkflowExecutions({ namespace: 'default', query, pageSize, nextPageToken });
    const rows: Row[] = [];
    const page = async (what: string, query: string, pageSize = 100) => {
      const { ms, result } = await timed(() => list(query, pageSize));
      rows.push({ what, ms, rows: result.executions?.length ?? 0 });
    };
    await page('list, no filter, first page of 100', '');
    let token: Uint8Array | undefined;
    for (let i = 0; i < 49; i++) token = (await list('', 100, token)).nextPageToken ?? undefined;
    const deep = await timed(() => list('', 100, token));
    rows.push({ what: 'list, no filter, 50th page of 100 (by token)', ms: deep.ms, rows: deep.result.executions?.length ?? 0 });
    const walk = await timed(async () => {
      let count = 0;
      let pageToken: Uint8Array | undefined;
      do {
        const response = await list('', 1000, pageToken);
        count += response.executions?.length ?? 0;
        pageToken = response.nextPageToken?.length ? response.nextPageToken : undefined;
      } while (pageToken);
      return count;
    }, 1);
    rows.push({ what: 'list, no filter, every page of 1000', ms: walk.ms, rows: walk.result });
    await page(`Gemeente = 'Zaanstad', first page of 100`, `Gemeente = 'Zaanstad'`);
    await page(`WorkflowId = 'vis-12345'`, `WorkflowId = 'vis-12345'`);
    await page(`ExecutionStatus = 'Running' AND Fase >= 8 ORDER BY Fase DESC, first 100`, `ExecutionStatus = 'Running' AND Fase >= 8 ORDER BY Fase DESC`);
    await page(`Gemeente IN ('Edam', 'Oostzaan') AND NOT (Fase = 3), first 100`, `Gemeente IN ('Edam', 'Oostzaan') AND NOT (Fase = 3)`);
    for (const query of ['', `Gemeente = 'Zaanstad'`]) {
      const { ms, result } = await timed(() => service.countWorkflowExecutions({ namespace: 'default', query }));
      rows.push({ what: `count${query ? `, ${query}` : ''}`, ms, rows: Number(result.count) });
    }
    return { rows, fillSeconds, rssMiB: server.rssMiB() };
  } finally {
    await connection.close();
  }
}

async function main(): Promise<void> {
  console.log(`visibility bench: ${WORKFLOWS} open workflows`);
  const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  const memory = await startDevServer({ extraArgs: SEARCH_ATTRIBUTES });
  try {
    results['memory'] = await measure(memory);
  } finally {
    await memory.stop();
  }
  const database = await createTestDatabase('postgres');
  let fullRead: number | undefined;
  try {
    const server = await startDevServer({ extraArgs: ['--database-url', database.url, ...SEARCH_ATTRIBUTES] });
    try {
      results['postgres'] = await measure(server);
    } finally {
      await server.stop();
    }
    const pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    try {
      fullRead = (
        await timed(async () => {
          const { rows } = await pg.query<{ state: Buffer }>(`SELECT state FROM temporal.runs WHERE namespace = 'default'`);
          return rows.map((r) => deserialize(r.state) as unknown).length;
        }, 3)
      ).ms;
    } finally {
      await pg.end();
    }
  } finally {
    await database.dispose();
  }
  const memoryRows = results['memory']?.rows ?? [];
  const postgresRows = results['postgres']?.rows ?? [];
  console.log(`\ncreated: memory ${results['memory']?.fillSeconds.toFixed(1)} s, postgres ${results['postgres']?.fillSeconds.toFixed(1)} s`);
  console.log(
    `server RSS after the queries: memory ${results['memory']?.rssMiB?.toFixed(0) ?? 'n/a'} MiB, postgres ${results['postgres']?.rssMiB?.toFixed(0) ?? 'n/a'} MiB`,
  );
  console.log('\n| query | rows | memory ms | postgres ms |\n|---|---:|---:|---:|');
  postgresRows.forEach((row, i) => {
    const other = memoryRows[i];
    if (other && other.rows !== row.rows) throw new Error(`${row.what}: memory found ${other.rows} rows, postgres ${row.rows}`);
    console.log(`| ${row.what} | ${row.rows} | ${other?.ms.toFixed(1)} | ${row.ms.toFixed(1)} |`);
  });
  console.log(`\nreading and deserializing all ${WORKFLOWS} run states (the former per-call cost on PostgreSQL): ${fullRead?.toFixed(0)} ms`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
