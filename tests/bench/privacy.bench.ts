/**
 * What per-deelnemer encryption costs, against the same work without it in the same run (one
 * test database, a schema per side):
 *   (a) the dossier read as a user makes it: `GET /api/v1/overdrachten/{id}/dossier` over HTTP
 *       against two exchange-service applications in this process, one wired as exchange-service's
 *       `AppModule` (with its key store), one the same without the key store (plain schema); both
 *       with the same stand-ins for the other contexts (involvement, consent's processing log and
 *       decisions, the workflows, the organisation registry) and seeded through the same use cases;
 *   (b) the repository's share of it (exchange's `SqlDossierRepository.dossier`: the micro view),
 *       deelnemer reads (traject's repository: the record decrypted), and one workflow payload
 *       through the Temporal payload codec (encode + decode) against none.
 * Data keys are cached as in the services (`KLUIS_CACHE_MS`, the configuration's default unless set). Goal: at most 20 % slower. See README.md.
 */
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { type BesluitPoort, OverdrachtActiviteitenService, type OverdrachtWorkflowPoort, type VerwerkingslogPoort } from '@ketenregie/exchange-application';
import type { OverdrachtDto } from '@ketenregie/exchange-contracts';
import { KLUIS_MIGRATIONS, kluisConfigSchema, KluisPayloadCodec, LokaleKms, Sleutelkluis } from '@ketenregie/shared-crypto';
// The repository half measures two contexts' repositories themselves, as the worker uses them (`scope:bench` may).
import { EXCHANGE_MIGRATIONS, exchangeMigraties, exchangeRepositories, registerExchangeMetrics } from '@ketenregie/exchange-data-access';
import {
  type BetrokkenheidPoort,
  createService,
  type Identity,
  type OntvangerPoort,
  openDatabase,
  serviceBasisModules,
  ToegangModule,
  vastOrganisatieRegister,
} from '@ketenregie/shared-platform';
import { createTestDatabase } from '@ketenregie/shared-testing';
import { DeelnemerKluis, trajectMigraties, SqlDeelnemerRepository } from '@ketenregie/traject-data-access';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
// The dossier read over HTTP needs exchange-service's own wiring (its modules and controllers), built
// here twice in-process as its specs build it; the bench imports nothing else of an app.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule } from '../../apps/exchange-service/src/app/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type ExchangeServiceConfig, exchangeServiceConfigSchema } from '../../apps/exchange-service/src/app/exchange-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ExchangeModule, type ExchangeModuleOptions } from '../../apps/exchange-service/src/app/exchange.module';
import { databaseLabel, json, load, startAuth } from './src/services';

const N = Number(process.env['BENCH_READS'] ?? 4000);
const C = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const DEELNEMERS = Number(process.env['BENCH_DEELNEMERS'] ?? 200);
const RONDES = Number(process.env['BENCH_ROUNDS'] ?? 6);
/** Dossier reads over HTTP per side (a read there costs about ten repository reads). */
const N_HTTP = Number(process.env['BENCH_HTTP_READS'] ?? 2000);
/** How long an unwrapped data key stays cached, as the services' `KLUIS_CACHE_MS` (0: every read loads its key). */
const KLUIS_CACHE_MS = kluisConfigSchema.shape.KLUIS_CACHE_MS.parse(process.env['KLUIS_CACHE_MS']);

const pct = (aan: number, uit: number) => `${Math.abs(((uit - aan) / uit) * 100).toFixed(1)} % ${aan <= uit ? 'slower' : 'faster'}`;
const regel = (naam: string, r: { perSecond: number; p50: number; p99: number; cpuUs: number }) =>
  console.log(
    `${naam.padEnd(38)} ${r.perSecond.toFixed(0).padStart(7)}/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   CPU ${r.cpuUs.toFixed(0)} µs/read`,
  );

/** The sender (a gemeente klantmanager) and the receiver who reads the dossiers (a ggz behandelaar). */
const km: Identity = { sub: 'bench-km', organisatie: 'gemeente-helmond', organisatieType: 'gemeente', rol: 'klantmanager' };
const behandelaar: Identity = { sub: 'bench-behandelaar', organisatie: 'ggz-oost-brabant', organisatieType: 'ggz', rol: 'behandelaar' };
/** What the sender hands over, and what consent's decision released of it (as exchange-service's spec). */
const GEGEVENS = {
  contact: { naam: 'J. Jansen', telefoon: '0612345678', email: 'j.jansen@example.nl', adres: 'Kerkstraat 1' },
  gezondheid: { diagnose: 'F32.1', behandelstatus: 'aangemeld' },
  'financien-schulden': { schuldenlast: 12000 },
};
const VRIJGAVEN = [
  { categorie: 'contact', velden: ['naam', 'telefoon', 'email', 'adres'] },
  { categorie: 'gezondheid', velden: ['behandelstatus'] },
  { categorie: 'financien-schulden', velden: ['schuldenlast'] },
];

/**
 * The other contexts, as exchange-service's specs stand them in, answering at once: the traject
 * context's involvement (the gemeente leads every traject), consent's processing log and decisions,
 * the workflows and the organisation registry. The real processing-log call (consent-service
 * re-checks the consents) is a round trip this leaves out, on both sides alike.
 */
function andereContexten(deelnemerVan: ReadonlyMap<string, string>): ExchangeModuleOptions & { register: ReturnType<typeof vastOrganisatieRegister> } {
  const workflows: OverdrachtWorkflowPoort = {
    start: async () => undefined,
    voerUit: async () => {
      throw new Error('not used by the bench');
    },
    meldOntvangerOnbereikbaar: async () => undefined,
  };
  const betrokkenheid: BetrokkenheidPoort = {
    bijDeelnemer: async () => ['aanmelder', 'regievoerder'],
    inTraject: async (trajectId) => {
      const deelnemerId = deelnemerVan.get(trajectId);
      return deelnemerId ? { deelnemerId, betrokkenheid: ['aanmelder', 'regievoerder'] } : undefined;
    },
  };
  const ontvangers: OntvangerPoort = { legOntvangerVast: async () => undefined, beeindigOntvanger: async () => undefined };
  const verwerkingslog: VerwerkingslogPoort = { meld: async () => undefined };
  const besluiten: BesluitPoort = { besluit: async (vraag) => ({ id: randomUUID(), toegestaan: [...vraag.categorieen] }) };
  return {
    register: vastOrganisatieRegister({ [km.organisatie]: 'gemeente', [behandelaar.organisatie]: 'ggz' }),
    workflows,
    verwerkingslog,
    webhook: async () => undefined,
    webhookDoel: async () => undefined,
    betrokkenheid,
    ontvangers,
    besluiten,
    bezorging: { actief: false, intervalMs: 1000, leaseMs: 30_000, basisMs: 1000, maxMs: 60_000, maxPogingen: 100 },
  };
}

/**
 * exchange-service's `AppModule` without its key store, for the baseline only: the same modules in
 * the same order, its schema without the migration that encrypts the dossiers. `ExchangeModule`
 * then builds its repository without a key store, which stores and reads the dossier as plain JSON.
 */
@Module({})
class ZonderSleutelkluis {
  static register(config: ExchangeServiceConfig, o: ReturnType<typeof andereContexten> & { schema: string }): DynamicModule {
    const { register, schema, ...opties } = o;
    return {
      module: ZonderSleutelkluis,
      imports: [
        ...serviceBasisModules(config, {
          schema,
          migrations: EXCHANGE_MIGRATIONS,
          applicationName: 'exchange-service',
          metrics: registerExchangeMetrics,
        }),
        ToegangModule.forRoot({ register }),
        ExchangeModule.register(opties),
      ],
    };
  }
}

/**
 * Handovers with a delivered dossier, through the use cases: the sender requests each over HTTP,
 * then the workflow's steps run in-process as the worker runs them (deliver the dossier, record
 * the step that makes it readable). Returns the handovers' ids.
 */
async function vulMetOverdrachten(app: INestApplication, base: string, token: string, deelnemerVan: ReadonlyMap<string, string>): Promise<string[]> {
  const activiteiten = app.get(OverdrachtActiviteitenService);
  const namens = { professional: km.sub, organisatie: km.organisatie, type: 'gemeente' as const, rol: km.rol };
  const trajecten = [...deelnemerVan.entries()];
  const ids: string[] = new Array(trajecten.length);
  await load(trajecten.length, 4, async (i) => {
    const [trajectId, deelnemerId] = trajecten[i] as [string, string];
    const { id } = await json<OverdrachtDto>('POST', `${base}/overdrachten`, token, {
      deelnemerId,
      trajectId,
      ontvanger: { organisatie: behandelaar.organisatie, type: 'ggz' },
      reden: 'ggz-behandeling',
      overTeNemen: ['regie'],
      gegevens: GEGEVENS,
    });
    await activiteiten.deliverDossier(
      { sleutel: `overdracht-${id}/2/dossier`, overdrachtId: id, namens, besluitId: randomUUID(), vrijgaven: VRIJGAVEN },
      { traceId: 'b'.repeat(32), namens: { ...km, actor: 'ketenregie-worker' } },
    );
    await activiteiten.recordStep({
      sleutel: `overdracht-${id}/3/nl.ketenregie.overdracht.dossier-geleverd`,
      overdrachtId: id,
      namens,
      status: 'dossier-geleverd',
      gebeurtenis: 'nl.ketenregie.overdracht.dossier-geleverd',
    });
    ids[i] = id;
  });
  return ids;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const database = await databaseLabel(db.url);
  const loadVoor = loadavg();
  const auth = await startAuth();
  // Both applications: exchange-service's configuration as in embedded mode; the request limit is not what is measured.
  const config = exchangeServiceConfigSchema.parse({
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_JWKS_URL: auth.jwksUrl,
    THROTTLE_LIMIT: '100000000',
    KLUIS_CACHE_MS: String(KLUIS_CACHE_MS),
  });
  const deelnemerVan = new Map(Array.from({ length: DEELNEMERS }, (_, i) => [`traject-${i}`, randomUUID()] as const));
  const start = async (module: DynamicModule) => {
    const app = await createService(module, { name: 'exchange-service', port: 0, logLevel: 'silent', shutdownHooks: false, security: config });
    await app.listen(0, '127.0.0.1');
    return { app, base: `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1` };
  };
  const http = {
    uit: await start(ZonderSleutelkluis.register(config, { ...andereContexten(deelnemerVan), schema: 'ex_http_uit' })),
    aan: await start(AppModule.register(config, { ...andereContexten(deelnemerVan), schema: 'ex_http_aan' })),
  };
  // The repository-level half has a key store of its own (its own master key and schema).
  const sleutels = new Sleutelkluis(
    new LokaleKms('m1', { m1: randomBytes(32) }),
    () => openDatabase({ url: db.url, schema: 'kluis_repo', entities: [], migrations: KLUIS_MIGRATIONS, poolSize: 4 }),
    { cacheMs: KLUIS_CACHE_MS },
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
    const zenderToken = await auth.token(km);
    const lezerToken = await auth.token(behandelaar);
    const dossiers = {
      uit: await vulMetOverdrachten(http.uit.app, http.uit.base, zenderToken, deelnemerVan),
      aan: await vulMetOverdrachten(http.aan.app, http.aan.base, zenderToken, deelnemerVan),
    };
    const dossier = {
      contact: { telefoon: '0612345678', email: 'a.jansen@example.nl' },
      zrm: { financien: 2, huisvesting: 3, 'geestelijke-gezondheid': 2 },
      'traject-status': { fase: 'uitvoering' },
    };
    const opslag = { uit: exchangeRepositories(exUit), aan: exchangeRepositories(exAan, sleutels) };
    const deelnemers = { uit: new SqlDeelnemerRepository(trUit, oudeKluis), aan: new SqlDeelnemerRepository(trAan, oudeKluis, sleutels) };
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
      `${DEELNEMERS} deelnemers (handovers) per side, ${N_HTTP} reads over HTTP and ${N} repository reads per measurement in ${RONDES} rounds of alternating order (after a warm-up round), ${C} concurrent, data keys cached ${KLUIS_CACHE_MS} ms\n`,
    );
    // A warm-up round, then RONDES rounds in alternating order (off–on, on–off, …) of N / RONDES reads
    // per side and measurement; a figure is the total over the counted rounds (reads / seconds), its
    // percentiles the median of the rounds'. Load from other work that drifts during the run so
    // weighs on both sides alike.
    // CPU: this process's (user + system) per read; over HTTP that is client, service and repository together.
    const metingen: Record<string, { n: number; seconden: number; cpuUs: number; p50: number[]; p99: number[] }> = {};
    const meet = async (naam: string, op: (i: number) => Promise<void>, telt: boolean) => {
      const cpu = process.cpuUsage();
      const r = await load(Math.max(1, Math.floor((naam.startsWith('http') ? N_HTTP : N) / RONDES)), C, op);
      const { user, system } = process.cpuUsage(cpu);
      if (!telt) return;
      const m = (metingen[naam] ??= { n: 0, seconden: 0, cpuUs: 0, p50: [], p99: [] });
      m.n += r.n;
      m.seconden += r.n / r.perSecond;
      m.cpuUs += user + system;
      m.p50.push(r.p50);
      m.p99.push(r.p99);
    };
    // The HTTP rounds first, on their own: between its rounds an application then waits only for the
    // other's round, so its pools keep their connections (idle ones close after 10 s) as under steady traffic.
    for (let ronde = 0; ronde <= RONDES; ronde++) {
      for (const kant of ronde % 2 === 0 ? (['uit', 'aan'] as const) : (['aan', 'uit'] as const)) {
        await meet(
          `http ${kant}`,
          async (i) => {
            const d = await json<{ categorieen: Record<string, unknown> }>(
              'GET',
              `${http[kant].base}/overdrachten/${dossiers[kant][i % DEELNEMERS]}/dossier`,
              lezerToken,
            );
            if (!d.categorieen['contact']) throw new Error('no dossier');
          },
          ronde > 0,
        );
      }
    }
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
    const uitkomst: Record<string, { perSecond: number; p50: number; p99: number; cpuUs: number }> = Object.fromEntries(
      Object.entries(metingen).map(([naam, m]) => [naam, { perSecond: m.n / m.seconden, p50: mediaan(m.p50), p99: mediaan(m.p99), cpuUs: m.cpuUs / m.n }]),
    );
    const loadNa = loadavg();
    console.log(`${database}; load average ${loadVoor[0]?.toFixed(1)} before, ${loadNa[0]?.toFixed(1)} after\n`);
    console.log('GET /api/v1/overdrachten/{id}/dossier over HTTP (token, access policy, read log, repository read):');
    regel('dossier reads over HTTP, encryption off', uitkomst['http uit'] as never);
    regel('dossier reads over HTTP, encryption on', uitkomst['http aan'] as never);
    console.log(`  → ${pct(uitkomst['http aan']!.perSecond, uitkomst['http uit']!.perSecond)}\n`);
    console.log("The repository's share of it (SqlDossierRepository.dossier), and traject's deelnemer record:");
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
    console.log('consent decisions: not measured here; the consent context stores no encrypted fields, so they do not touch the key store (consent.bench.ts)');
  } finally {
    await Promise.all([http.uit.app.close(), http.aan.app.close()]);
    await auth.close();
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
