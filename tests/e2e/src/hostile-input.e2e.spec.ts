/**
 * Hostile input through the gateway, on the stack `npm start` runs: the regression tests of
 * finding 8 of issue 15 (unknown fields silently accepted, a registered BSN revealed), then a fuzz
 * test of generated and mutated requests over every route of the merged OpenAPI document and every
 * organisation × role of the demo region.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// The orchestrator behind `npm start`, used as-is: same steps, free ports, a temporary data dir.
import { freePorts, startStack } from '@ketenregie/start';
import { demoTrajectAanvraag, geldigBsn } from './deelnemer';
import { devTokens } from './dev-tokens';
import { START_TIMEOUT, freshMachineEnv } from './fresh-machine';

interface Antwoord {
  status: number;
  type: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

type Wie = readonly [organisatie: string, rol: string];

/** One request as the fuzzer sends it. */
interface Verzoek {
  readonly method: string;
  readonly path: string;
  /** Bearer token, `undefined` for none. */
  readonly token?: string;
  readonly contentType?: string;
  /** The raw body text. */
  readonly body?: string;
  /** The route template it came from, and how it was made. */
  readonly route: string;
  readonly soort: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;

const PROBLEM = /^application\/problem\+json/;
/** The fuzzer's BSNs: valid (elfproef) so a service cannot reject them by shape alone. */
const FUZZ_BSNS = Array.from({ length: 12 }, () => geldigBsn());
/** Requests of each phase; 10,000+ together. */
const ONGELDIG = 7_000;
const AANNEMELIJK = 3_200;
/** Requests in flight at once, and per row-count check. */
const BREEDTE = 24;
const PARTIJ = 400;

describe('hostile input through the gateway (finding 8 and a fuzz test)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenregie-e2e-hostile-'));
  let stack: Awaited<ReturnType<typeof startStack>>;
  let db: Client;

  beforeAll(async () => {
    const ports = await freePorts();
    // The fuzzer sends thousands of requests per organisation; the limit itself is tested in shared-platform.
    stack = await startStack({ env: { ...freshMachineEnv(), THROTTLE_LIMIT: '10000000' }, dataDir, ...ports });
    db = new Client({ connectionString: stack.env['DATABASE_URL'] });
    await db.connect();
  }, START_TIMEOUT);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const devToken = devTokens(() => stack.url);
  const token = ([organisatie, rol]: Wie): Promise<string> => devToken({ organisatie, rol });

  async function stuur(v: Pick<Verzoek, 'method' | 'path' | 'token' | 'contentType' | 'body'>): Promise<Antwoord> {
    const headers: Record<string, string> = {};
    if (v.token !== undefined) headers['authorization'] = `Bearer ${v.token}`;
    if (v.contentType !== undefined) headers['content-type'] = v.contentType;
    const response = await fetch(`${stack.url}${v.path}`, { method: v.method, headers, ...(v.body === undefined ? {} : { body: v.body }) });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, body };
  }

  const call = async (wie: Wie, method: string, path: string, body?: unknown) =>
    stuur({
      method,
      path: `/api/v1${path}`,
      token: await token(wie),
      contentType: 'application/json',
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const count = async (tabel: string) => Number((await db.query(`SELECT count(*) AS n FROM ${tabel}`)).rows[0].n);

  const klantmanager: Wie = ['gemeente-dommeldal', 'klantmanager'];
  const coach: Wie = ['werkbrug-dommeldal', 'coach'];
  const persoon = { voornamen: 'Fenna', achternaam: 'de Wit', geboortedatum: '1981-05-14', contact: { telefoon: '0612345678' } };

  describe('finding 8: unknown fields are refused, and POST /deelnemers does not reveal a registered BSN', () => {
    it('refuses unknown fields on POST /deelnemers with 400 naming them, and stores nothing', async () => {
      const voor = await count('traject.deelnemer');
      const r = await call(klantmanager, 'POST', '/deelnemers', {
        ...persoon,
        bsn: geldigBsn(),
        isAdmin: true,
        contact: { telefoon: '0612345678', fax: '0401234567' },
      });
      expect(r.status).toBe(400);
      expect(r.type).toMatch(PROBLEM);
      expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isAdmin' }), expect.objectContaining({ field: 'contact.fax' })]));
      expect(await count('traject.deelnemer')).toBe(voor);
    });

    it('refuses unknown fields on POST /trajecten and on a traject command with 400 naming them, and changes nothing', async () => {
      const deelnemer = await call(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn: geldigBsn() });
      expect(deelnemer.status).toBe(201);
      const trajecten = await count('traject.traject');
      const start = await call(klantmanager, 'POST', '/trajecten', { ...demoTrajectAanvraag(deelnemer.body.id), leadOrganisatie: 'werkbrug-dommeldal' });
      expect({ status: start.status, type: start.type, velden: start.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        status: 400,
        type: expect.stringMatching(PROBLEM),
        velden: ['leadOrganisatie'],
      });
      expect(await count('traject.traject')).toBe(trajecten);

      const traject = await call(klantmanager, 'POST', '/trajecten', demoTrajectAanvraag(deelnemer.body.id));
      expect(traject.status).toBe(201);
      const tijdlijn = async () => (await call(klantmanager, 'GET', `/trajecten/${traject.body.id}/tijdlijn`)).body.gebeurtenissen.length;
      const voor = await tijdlijn();
      const pauze = await call(coach, 'POST', `/trajecten/${traject.body.id}/pauze`, { reden: 'ziekte', door: 'dev:gemeente-dommeldal:klantmanager' });
      expect({ status: pauze.status, type: pauze.type, code: pauze.body.code, velden: pauze.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        status: 400,
        type: expect.stringMatching(PROBLEM),
        code: 'TRAJECT.COMMAND_INVALID',
        velden: ['door'],
      });
      expect(await tijdlijn()).toBe(voor);
      expect((await call(klantmanager, 'GET', `/trajecten/${traject.body.id}`)).body.status).toBe('actief');
    });

    it('answers the same for a known and an unknown BSN: 201 with the deelnemer id, nothing revealed, nothing overwritten', async () => {
      const bsn = geldigBsn();
      const nieuw = await call(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn });
      const bekend = await call(klantmanager, 'POST', '/deelnemers', { ...persoon, voornamen: 'Iemand Anders', bsn });
      const vorm = (a: Antwoord) => ({ status: a.status, type: a.type, velden: Object.keys(a.body ?? {}).sort() });
      expect(vorm(bekend)).toEqual(vorm(nieuw));
      expect(vorm(nieuw)).toEqual({ status: 201, type: expect.stringMatching(/^application\/json/), velden: ['id'] });
      expect(bekend.body.id).toBe(nieuw.body.id);
      expect(bekend.text).not.toContain(bsn);
      expect((await call(klantmanager, 'GET', `/deelnemers/${nieuw.body.id}`)).body.voornamen).toBe(persoon.voornamen);
    });
  });

  describe('fuzz: generated and mutated requests over every route and role', () => {
    let document: { paths: Record<string, Record<string, Schema>>; components?: { schemas?: Record<string, Schema> } };
    let routes: { method: string; template: string; operation: Schema }[];
    let identiteiten: { wie: Wie; token: string }[];
    const ids: string[] = [];
    const fouten: string[] = [];
    let verstuurd = 0;

    const resolve = (s: Schema): Schema => {
      let schema = s;
      for (let i = 0; schema && typeof schema === 'object' && '$ref' in schema && i < 20; i++) {
        schema = document.components?.schemas?.[String(schema.$ref).split('/').pop() as string];
      }
      return schema ?? {};
    };

    /** A value that fits `schema` (what a client that read the reference would send), at bounded depth. */
    function waarde(s: Schema, diepte = 0): fc.Arbitrary<unknown> {
      const schema = resolve(s);
      if (diepte > 6) return fc.constant(null);
      if (schema.const !== undefined) return fc.constant(schema.const);
      if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
      const varianten = schema.oneOf ?? schema.anyOf;
      if (Array.isArray(varianten) && varianten.length > 0) return fc.oneof(...varianten.map((v: Schema) => waarde(v, diepte + 1)));
      if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return waarde(Object.assign({}, ...schema.allOf.map(resolve)), diepte + 1);
      const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
      if (type === 'object' || schema.properties) {
        const eigenschappen: Record<string, Schema> = schema.properties ?? {};
        const verplicht = new Set<string>(schema.required ?? []);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [naam, p] of Object.entries(eigenschappen)) model[naam] = waarde(p, diepte + 1);
        if (Object.keys(model).length === 0 && schema.additionalProperties && schema.additionalProperties !== true) {
          return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), waarde(schema.additionalProperties, diepte + 1), { maxKeys: 3 });
        }
        return fc.record(model, { requiredKeys: [...verplicht].filter((k) => k in model) });
      }
      if (type === 'array')
        return fc.array(waarde(schema.items ?? {}, diepte + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
      if (type === 'integer') return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 100 });
      if (type === 'number') return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 100, noNaN: true });
      if (type === 'boolean') return fc.boolean();
      if (type === 'string') {
        if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
        if (schema.format === 'date') return fc.constantFrom('2026-12-07', '2027-01-15', '1980-02-29');
        if (schema.format === 'date-time') return fc.constantFrom('2026-12-07T09:00:00.000Z', '2027-06-01T00:00:00+02:00');
        if (schema.format === 'email') return fc.constantFrom('a@voorbeeld.nl');
        if (schema.format === 'uri') return fc.constantFrom('https://example.org/hook', 'http://127.0.0.1:9/hook');
        if (typeof schema.pattern === 'string') {
          try {
            return fc.stringMatching(new RegExp(schema.pattern)).filter((t) => t.length <= (schema.maxLength ?? 200));
          } catch {
            return fc.string({ maxLength: 20 });
          }
        }
        return fc.oneof(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }), fc.constantFrom(...FUZZ_BSNS));
      }
      return fc.anything({ maxDepth: 2 });
    }

    /** Anything at all: values of every JSON type, nested, with the fuzzer's BSNs among the strings. */
    const rommel = fc.letrec((tie) => ({
      w: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(...FUZZ_BSNS),
        fc.string({ maxLength: 30 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('w'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie('w'), { maxKeys: 4 }),
      ),
    })).w;

    function pad(template: string, operation: Schema, idArb: fc.Arbitrary<string>): fc.Arbitrary<string> {
      const delen = template.split(/(\{[^}]+\})/).filter((d) => d !== '');
      const parameters: Schema[] = operation.parameters ?? [];
      return fc
        .tuple(
          ...delen.map((deel) => {
            const m = /^\{(.+)\}$/.exec(deel);
            if (!m) return fc.constant(deel);
            const p = parameters.find((x) => x.name === m[1] && x.in === 'path');
            const schema = resolve(p?.schema ?? {});
            return Array.isArray(schema.enum) ? fc.constantFrom(...(schema.enum as string[])) : idArb;
          }),
        )
        .map((stukken) => stukken.join(''));
    }

    function querystring(operation: Schema): fc.Arbitrary<string> {
      const query = ((operation.parameters ?? []) as Schema[]).filter((p) => p.in === 'query');
      if (query.length === 0) return fc.constant('');
      return fc
        .tuple(
          ...query.map((p) =>
            fc.option(
              waarde(p.schema).map((w) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(w))}`),
              { nil: undefined },
            ),
          ),
        )
        .map((delen) => {
          const q = delen.filter((d): d is string => d !== undefined).join('&');
          return q ? `?${q}` : '';
        });
    }

    const bodySchema = (operation: Schema): Schema | undefined => operation.requestBody?.content?.['application/json']?.schema;
    const isOpenbaar = (operation: Schema) => Array.isArray(operation.security) && operation.security.length === 0;

    /** Requests that are invalid by construction: each must be refused (4xx) and change nothing. */
    function ongeldig(): fc.Arbitrary<Verzoek> {
      const idArb = fc.oneof(fc.constantFrom(...ids), fc.uuid());
      return fc.oneof(
        ...routes.map(({ method, template, operation }) => {
          const schema = bodySchema(operation);
          const basis = fc.record({ path: pad(template, operation, idArb), query: querystring(operation), wie: fc.constantFrom(...identiteiten) });
          const mutaties: fc.Arbitrary<Verzoek>[] = [
            // A token nobody signed (and on a public route, still refused).
            fc
              .tuple(basis, fc.constantFrom('not.a.jwt', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', `${identiteiten[0].token.slice(0, -4)}AAAA`))
              .map(([b, token]) => ({
                method,
                path: `${b.path}${b.query}`,
                token,
                contentType: 'application/json',
                body: schema ? '{}' : undefined,
                route: `${method} ${template}`,
                soort: 'token-ongeldig',
              })),
          ];
          if (!isOpenbaar(operation)) {
            mutaties.push(
              basis.map((b) => ({
                method,
                path: `${b.path}${b.query}`,
                contentType: 'application/json',
                body: schema ? '{}' : undefined,
                route: `${method} ${template}`,
                soort: 'zonder-token',
              })),
            );
          }
          if (/\{[^}]+\}/.test(template)) {
            // A path id that is no id: a BSN, a traversal, a very long string.
            const onzin = fc.constantFrom(...FUZZ_BSNS, '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000), '%00', "1' OR '1'='1");
            mutaties.push(
              fc.record({ path: pad(template, operation, onzin), wie: fc.constantFrom(...identiteiten) }).map(({ path, wie }) => ({
                method,
                path,
                token: wie.token,
                contentType: 'application/json',
                body: schema ? '{}' : undefined,
                route: `${method} ${template}`,
                soort: 'pad-ongeldig',
              })),
            );
          }
          if (schema) {
            const geldig = waarde(schema);
            const onbekend = fc.tuple(fc.constantFrom('isAdmin', 'organisatieType', 'rol', 'bsnBekend', 'extra', 'constructor'), rommel);
            const lichaam = fc.oneof(
              // An unknown field next to a plausible body.
              fc.tuple(geldig, onbekend).map(([g, [k, w]]) => ({
                soort: 'onbekend-veld',
                text: JSON.stringify(typeof g === 'object' && g !== null && !Array.isArray(g) ? { ...g, [k]: w } : { [k]: w }),
              })),
              // Not an object at all.
              rommel.filter((w) => typeof w !== 'object' || w === null || Array.isArray(w)).map((w) => ({ soort: 'geen-object', text: JSON.stringify(w) })),
              // Not JSON.
              fc.constantFrom('{', '{"a":', "{'bsn':'x'}", `{"bsn":${FUZZ_BSNS[0]}`, 'null null', '\u0000').map((text) => ({ soort: 'geen-json', text })),
              // A string far beyond any bound, with a BSN inside.
              geldig.map((g) => ({
                soort: 'te-lang',
                text: JSON.stringify(
                  typeof g === 'object' && g !== null && !Array.isArray(g)
                    ? { ...g, [Object.keys(g)[0] ?? 'x']: `${FUZZ_BSNS[1]} ${'a'.repeat(120_000)}` }
                    : 'a'.repeat(120_000),
                ),
              })),
            );
            mutaties.push(
              fc.tuple(basis, lichaam).map(([b, l]) => ({
                method,
                path: `${b.path}${b.query}`,
                token: b.wie.token,
                contentType: 'application/json',
                body: l.text,
                route: `${method} ${template}`,
                soort: l.soort,
              })),
            );
          }
          return fc.oneof(...mutaties);
        }),
      );
    }

    /** Requests a client could plausibly send: bodies after the reference, existing ids, any role. */
    function aannemelijk(): fc.Arbitrary<Verzoek> {
      const idArb = fc.oneof(fc.constantFrom(...ids), fc.uuid());
      return fc.oneof(
        ...routes.map(({ method, template, operation }) => {
          const schema = bodySchema(operation);
          return fc
            .record({
              path: pad(template, operation, idArb),
              query: querystring(operation),
              wie: fc.option(fc.constantFrom(...identiteiten), { freq: 12, nil: undefined }),
              body: schema ? waarde(schema) : method === 'GET' ? fc.constant(undefined) : fc.option(rommel, { nil: undefined }),
            })
            .map((r) => ({
              method,
              path: `${r.path}${r.query}`,
              token: r.wie?.token,
              contentType: 'application/json',
              body: r.body === undefined ? undefined : JSON.stringify(r.body),
              route: `${method} ${template}`,
              soort: 'aannemelijk',
            }));
        }),
      );
    }

    /** What every answer must satisfy; returns what is wrong. */
    function bezwaren(v: Verzoek, a: Antwoord): string[] {
      const wat: string[] = [];
      if (a.status >= 500) wat.push(`HTTP ${a.status}`);
      if (a.status >= 400 && !PROBLEM.test(a.type)) wat.push(`error without problem+json (${a.type || 'no content type'})`);
      const verzonden = `${v.path} ${v.body ?? ''}`;
      for (const bsn of FUZZ_BSNS) if (verzonden.includes(bsn) && a.text.includes(bsn)) wat.push('echoes a BSN');
      return wat;
    }

    const beschrijf = (v: Verzoek, a: Antwoord, wat: string[]) =>
      `${wat.join(', ')}: ${v.soort} ${v.route} -> ${v.method} ${v.path.slice(0, 120)} ${String(v.body ?? '').slice(0, 160)} => ${a.status} ${a.text.slice(0, 200)}`;

    async function inParallel<T>(items: readonly T[], breedte: number, doe: (t: T) => Promise<void>): Promise<void> {
      let volgende = 0;
      await Promise.all(
        Array.from({ length: Math.min(breedte, items.length) }, async () => {
          while (volgende < items.length) await doe(items[volgende++]);
        }),
      );
    }

    /** Exact row counts of every table of every service schema. */
    async function rijen(): Promise<Record<string, number>> {
      const tabellen = (
        await db.query<{ s: string; t: string }>(
          `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
           WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
        )
      ).rows;
      const { rows } = await db.query<{ t: string; n: string }>(
        tabellen.map(({ s, t }) => `SELECT '${s}.${t}' AS t, count(*) AS n FROM "${s}"."${t}"`).join(' UNION ALL '),
      );
      return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
    }

    /** Waits until nothing in the background (workflows, projections, the outbox) writes any more. */
    async function rustig(): Promise<Record<string, number>> {
      let vorige = await rijen();
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => setTimeout(r, 1_500));
        const nu = await rijen();
        if (JSON.stringify(nu) === JSON.stringify(vorige)) return nu;
        vorige = nu;
      }
      throw new Error('the stack did not settle within 90 s');
    }

    beforeAll(async () => {
      const openapi = await fetch(`${stack.url}/api/v1/openapi.json`);
      expect(openapi.status).toBe(200);
      document = (await openapi.json()) as typeof document;
      // The services' routes behind the gateway (the gateway's own pages and key set take no input).
      routes = Object.entries(document.paths)
        .filter(([template]) => template.startsWith('/api/v1/') && !template.startsWith('/api/v1/openapi') && !template.startsWith('/api/v1/docs'))
        .flatMap(([template, operaties]) =>
          Object.entries(operaties)
            .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
            .map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })),
        );
      const organisaties = (await (await fetch(`${stack.url}/api/v1/organisaties`)).json()) as { id: string }[];
      identiteiten = [];
      for (const { id } of organisaties) {
        for (const rol of ['klantmanager', 'coach', 'jobcoach', 'behandelaar', 'stuurgroeplid', 'fg']) {
          const r = await fetch(`${stack.url}/auth/dev-token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ organisatie: id, rol }),
          });
          if (r.status === 200) identiteiten.push({ wie: [id, rol], token: ((await r.json()) as { token: string }).token });
        }
      }
      // Real ids for the generated requests to find: a deelnemer with a traject.
      const deelnemer = await call(klantmanager, 'POST', '/deelnemers', { ...persoon, bsn: geldigBsn() });
      const traject = await call(klantmanager, 'POST', '/trajecten', demoTrajectAanvraag(deelnemer.body.id));
      ids.push(deelnemer.body.id, traject.body.id);
    }, START_TIMEOUT);

    it('knows every route of every service', () => {
      expect(routes.length).toBeGreaterThan(30);
      expect(identiteiten.length).toBeGreaterThan(15);
      for (const service of [
        'deelnemers',
        'trajecten',
        'toestemmingen',
        'besluiten',
        'overdrachten',
        'verwijzingen',
        'abonnementen',
        'organisaties',
        'stuurgroepen',
      ]) {
        expect(routes.some((r) => r.template.startsWith(`/api/v1/${service}`))).toBe(true);
      }
    });

    it(`refuses ${ONGELDIG} invalid requests with problem+json, never 5xx, never echoing a BSN, and changes no row of any table`, async () => {
      const verzoeken = fc.sample(ongeldig(), { numRuns: ONGELDIG, seed: 15_008 });
      let voor = await rustig();
      for (let start = 0; start < verzoeken.length; start += PARTIJ) {
        const partij = verzoeken.slice(start, start + PARTIJ);
        await inParallel(partij, BREEDTE, async (v) => {
          const a = await stuur(v);
          verstuurd += 1;
          const wat = bezwaren(v, a);
          if (a.status < 400) wat.push(`accepted (${a.status})`);
          if (wat.length > 0) fouten.push(beschrijf(v, a, wat));
        });
        const na = await rijen();
        const veranderd = Object.keys({ ...voor, ...na }).filter((t) => voor[t] !== na[t]);
        if (veranderd.length > 0)
          fouten.push(`rows changed in ${veranderd.map((t) => `${t} ${voor[t]}→${na[t]}`).join(', ')} by requests ${start}..${start + partij.length - 1}`);
        voor = na;
      }
      expect(fouten.slice(0, 20)).toEqual([]);
    }, 600_000);

    it(`answers ${AANNEMELIJK} plausible requests of every role without a 5xx, with problem+json for every error and no BSN echoed`, async () => {
      const verzoeken = fc.sample(aannemelijk(), { numRuns: AANNEMELIJK, seed: 15_009 });
      const statussen = new Map<number, number>();
      await inParallel(verzoeken, BREEDTE, async (v) => {
        const a = await stuur(v);
        verstuurd += 1;
        statussen.set(a.status, (statussen.get(a.status) ?? 0) + 1);
        const wat = bezwaren(v, a);
        if (wat.length > 0) fouten.push(beschrijf(v, a, wat));
      });
      expect(fouten.slice(0, 20)).toEqual([]);
      // The generated requests reach the use cases, not only the validation.
      expect([...statussen.entries()].filter(([s]) => s < 300).reduce((n, [, k]) => n + k, 0)).toBeGreaterThan(100);
      expect(verstuurd).toBeGreaterThanOrEqual(10_000);
    }, 600_000);
  });
});
