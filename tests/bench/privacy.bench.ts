/**
 * What per-deelnemer encryption costs, against the same work without it in the same run (one
 * test database, two schemas): dossier reads (exchange's repository: the receiver reads the
 * delivered dossier), deelnemer reads (traject's repository: the record decrypted), and one
 * workflow payload through the Temporal payload codec (encode + decode) against none. Data keys
 * are cached as in the services (`KLUIS_CACHE_MS` 10 s). Goal: at most 20 % slower. See README.md.
 */
import { KLUIS_MIGRATIONS, KluisPayloadCodec, LokaleKms, Sleutelkluis } from '@ketenregie/shared-crypto';
// The privacy bench measures two contexts' repositories themselves (not over HTTP), as the worker uses them (`scope:bench` may).
import { EXCHANGE_MIGRATIONS, exchangeMigraties, exchangeRepositories } from '@ketenregie/exchange-data-access';
import { openDatabase } from '@ketenregie/shared-platform';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { DeelnemerKluis, trajectMigraties, TypeOrmDeelnemerRepository } from '@ketenregie/traject-data-access';
import { randomBytes, randomUUID } from 'node:crypto';
import { load } from './src/services';

const N = Number(process.env['BENCH_READS'] ?? 4000);
const C = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const DEELNEMERS = Number(process.env['BENCH_DEELNEMERS'] ?? 200);
const RONDES = Number(process.env['BENCH_ROUNDS'] ?? 6);

const pct = (aan: number, uit: number) => `${(((uit - aan) / uit) * 100).toFixed(1)} % slower`;
const regel = (naam: string, r: { perSecond: number; p50: number; p99: number }) =>
  console.log(`${naam.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)}/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`);

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const sleutels = new Sleutelkluis(
    new LokaleKms('m1', { m1: randomBytes(32) }),
    () => openDatabase({ url: db.url, schema: 'kluis', entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 4 }),
    { cacheMs: 10_000 },
  );
  const oudeKluis = new DeelnemerKluis('k1', { k1: randomBytes(32) }, randomBytes(32));
  const exUit = await openDatabase({ url: db.url, schema: 'ex_uit', migrations: EXCHANGE_MIGRATIONS, poolSize: C });
  const exAan = await openDatabase({ url: db.url, schema: 'ex_aan', migrations: exchangeMigraties(sleutels), poolSize: C });
  const trUit = await openDatabase({ url: db.url, schema: 'tr_uit', migrations: trajectMigraties(oudeKluis), poolSize: C });
  const trAan = await openDatabase({
    url: db.url,
    schema: 'tr_aan',
    migrations: trajectMigraties(oudeKluis, sleutels),
    poolSize: C,
  });
  try {
    const dossier = {
      contact: { telefoon: '0612345678', email: 'a.jansen@example.nl' },
      zrm: { financien: 2, huisvesting: 3, 'geestelijke-gezondheid': 2 },
      'traject-status': { fase: 'uitvoering' },
    };
    const opslag = { uit: exchangeRepositories(exUit), aan: exchangeRepositories(exAan, sleutels) };
    const deelnemers = { uit: new TypeOrmDeelnemerRepository(trUit, oudeKluis), aan: new TypeOrmDeelnemerRepository(trAan, oudeKluis, sleutels) };
    const overdrachten: Record<'uit' | 'aan', string[]> = { uit: [], aan: [] };
    const ids: Record<'uit' | 'aan', string[]> = { uit: [], aan: [] };
    for (const kant of ['uit', 'aan'] as const) {
      for (let i = 0; i < DEELNEMERS; i++) {
        const o = {
          id: randomUUID(),
          deelnemerId: randomUUID(),
          zender: { organisatie: 'gem', type: 'gemeente' as const, professional: 'km', rol: 'klantmanager' },
          ontvanger: { organisatie: 'ggz', type: 'ggz' as const },
          regievoerder: 'km',
          regievoerderOrganisatie: 'gem',
          reden: 'ggz',
          overTeNemen: ['regie'],
          status: 'aangevraagd' as const,
          afwijzingen: [],
          aangevraagdOp: new Date(),
          bijgewerktOp: new Date(),
        };
        const g = { id: randomUUID(), sleutel: `${o.id}/a`, type: 't', subject: `overdracht/${o.id}`, dataref: '/x', data: {}, ontvangers: ['gem'] };
        await opslag[kant].overdrachten.voegOverdrachtToe(o, dossier, g);
        await opslag[kant].dossiers.slaDossierOp({ sleutel: 'k', overdrachtId: o.id, besluitId: randomUUID(), categorieen: dossier });
        overdrachten[kant].push(o.id);
        ids[kant].push(
          await deelnemers[kant].maak({
            bsn: String(100_000_000 + i * 11 + (kant === 'aan' ? 5 : 0)),
            voornamen: 'Anna',
            achternaam: `Jansen-${i}`,
            geboortedatum: '1970-01-01',
            contact: { telefoon: '0612345678' },
            aangemaaktDoor: 'km',
            aangemaaktDoorOrganisatie: 'gem',
          }),
        );
      }
    }
    console.log(
      `${DEELNEMERS} deelnemers per side, ${N} reads per measurement in ${RONDES} rounds of alternating order (after a warm-up round), ${C} concurrent\n`,
    );
    // A warm-up round, then RONDES rounds in alternating order (off–on, on–off, …) of N / RONDES reads
    // per side and measurement; a figure is the total over the counted rounds (reads / seconds), its
    // percentiles the median of the rounds'. Load from other work that drifts during the run so
    // weighs on both sides alike.
    const metingen: Record<string, { n: number; seconden: number; p50: number[]; p99: number[] }> = {};
    const per = Math.max(1, Math.floor(N / RONDES));
    const meet = async (naam: string, op: (i: number) => Promise<void>, telt: boolean) => {
      const r = await load(per, C, op);
      if (!telt) return;
      const m = (metingen[naam] ??= { n: 0, seconden: 0, p50: [], p99: [] });
      m.n += r.n;
      m.seconden += r.n / r.perSecond;
      m.p50.push(r.p50);
      m.p99.push(r.p99);
    };
    for (let ronde = 0; ronde <= RONDES; ronde++) {
      const volgorde = ronde % 2 === 0 ? (['uit', 'aan'] as const) : (['aan', 'uit'] as const);
      for (const kant of volgorde) {
        await meet(
          `dossier ${kant}`,
          async (i) => {
            const d = await opslag[kant].dossiers.dossier(overdrachten[kant][i % DEELNEMERS] as string);
            if (!d?.categorieen['zrm']) throw new Error('no dossier');
          },
          ronde > 0,
        );
      }
      for (const kant of volgorde) {
        await meet(
          `deelnemer ${kant}`,
          async (i) => {
            if (!(await deelnemers[kant].vind(ids[kant][i % DEELNEMERS] as string))) throw new Error('no deelnemer');
          },
          ronde > 0,
        );
      }
    }
    const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const uitkomst: Record<string, { perSecond: number; p50: number; p99: number }> = Object.fromEntries(
      Object.entries(metingen).map(([naam, m]) => [naam, { perSecond: m.n / m.seconden, p50: mediaan(m.p50), p99: mediaan(m.p99) }]),
    );
    regel('dossier reads, encryption off', uitkomst['dossier uit'] as never);
    regel('dossier reads, encryption on', uitkomst['dossier aan'] as never);
    console.log(`  → ${pct(uitkomst['dossier aan']!.perSecond, uitkomst['dossier uit']!.perSecond)}`);
    regel('deelnemer reads, single key', uitkomst['deelnemer uit'] as never);
    regel('deelnemer reads, per-deelnemer key', uitkomst['deelnemer aan'] as never);
    console.log(`  → ${pct(uitkomst['deelnemer aan']!.perSecond, uitkomst['deelnemer uit']!.perSecond)}`);

    const codec = new KluisPayloadCodec(sleutels, async () => ids.aan[0]);
    const payload = {
      metadata: { encoding: new TextEncoder().encode('json/plain') },
      data: new TextEncoder().encode(JSON.stringify({ state: dossier, tekst: 'x'.repeat(4000) })),
    };
    const context = { type: 'workflow' as const, namespace: 'default', workflowId: 'traject-bench' };
    await codec.encode([payload], context);
    const M = N * 5;
    let t = process.hrtime.bigint();
    for (let i = 0; i < M; i++) await codec.decode(await codec.encode([payload], context));
    const codecPerS = M / (Number(process.hrtime.bigint() - t) / 1e9);
    t = process.hrtime.bigint();
    for (let i = 0; i < M; i++) await Promise.resolve([payload]);
    const geenPerS = M / (Number(process.hrtime.bigint() - t) / 1e9);
    console.log(
      `\npayload codec encode+decode (4 KiB): ${codecPerS.toFixed(0)}/s (${(1e6 / codecPerS).toFixed(1)} µs per payload; without codec ${geenPerS.toFixed(0)}/s)`,
    );
  } finally {
    await Promise.all([exUit.destroy(), exAan.destroy(), trUit.destroy(), trAan.destroy()]);
    await sleutels.sluit();
    await db.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
