import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const project = 'infra/temporal-dev-server';

interface LintMessage {
  readonly ruleId: string | null;
  readonly line: number;
  readonly message: string;
}

/** Lints virtual files of the dev server as `nx lint` does (see lint-text.mjs). */
function lintDevServer(files: readonly { file: string; code: string }[]): LintMessage[][] {
  const input = files.map((f) => ({ cwd: join(root, project), filePath: join(root, project, f.file), code: f.code }));
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-text.mjs')], {
    cwd: root,
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return (JSON.parse(output) as { messages: LintMessage[] }[]).map((r) => r.messages);
}

const rules = (messages: readonly LintMessage[]): (string | null)[] => messages.map((m) => m.ruleId);

describe('npm run lint keeps the dev server layered: server → engine → store → model', () => {
  let results: LintMessage[][];

  beforeAll(() => {
    results = lintDevServer([
      // 0: the store reaching back into the engine, also for a type only
      {
        file: 'src/store/bad.ts',
        code: "import type { Engine } from '../engine/engine';\nimport { RpcError } from '../engine/errors';\nexport type E = Engine;\nexport const e = RpcError;\n",
      },
      // 1: the shared model reaching into the store
      { file: 'src/model/bad.ts', code: "import type { Store } from '../store/store';\nexport type S = Store;\n" },
      // 2: a module cycle: history importing the Engine, which imports history
      { file: 'src/engine/history/history.ts', code: "import { Engine } from '../engine';\nexport const e = Engine;\n" },
      // 3: the engine reaching up into the gRPC layer
      { file: 'src/engine/bad.ts', code: "import { startGrpcServer } from '../server/grpc-server';\nexport const s = startGrpcServer;\n" },
      // 4: what the store does use: the shared model
      { file: 'src/store/good.ts', code: "import type { RunState } from '../model/run-state';\nexport type R = RunState;\n" },
    ]);
  }, 60_000);

  it('refuses the store importing the engine, type imports included', () => {
    expect(rules(results[0])).toEqual(['import-x/no-restricted-paths', 'import-x/no-restricted-paths']);
    expect(results[0][0]?.message).toMatch(/store keeps runs/);
  });

  it('refuses the model importing the store', () => {
    expect(rules(results[1])).toEqual(['import-x/no-restricted-paths']);
  });

  it('refuses an import cycle between engine modules', () => {
    expect(rules(results[2])).toEqual(['import-x/no-cycle']);
  });

  it('refuses the engine importing the gRPC layer', () => {
    expect(rules(results[3])).toEqual(['import-x/no-restricted-paths']);
  });

  it('passes the store importing the model', () => {
    expect(results[4]).toEqual([]);
  });
});
