import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

interface LintCase {
  /** Project directory `nx lint` runs ESLint from. */
  readonly project: string;
  /** Virtual file, relative to the workspace root. */
  readonly file: string;
  readonly code: string;
}

interface LintMessage {
  readonly ruleId: string | null;
  readonly line: number;
  readonly message: string;
  readonly fatal: boolean;
}

function lint(cases: readonly LintCase[]): LintMessage[][] {
  const input = cases.map((c) => ({ cwd: join(root, c.project), filePath: join(root, c.file), code: c.code }));
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-text.mjs')], {
    cwd: root,
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return (JSON.parse(output) as { messages: LintMessage[] }[]).map((r) => r.messages);
}

/** The rule ids reported on each line, e.g. `{ 1: ['no-restricted-imports'] }`. */
function rulesByLine(messages: readonly LintMessage[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const m of messages) (out[m.line] ??= []).push(String(m.ruleId));
  for (const line of Object.keys(out)) out[Number(line)].sort();
  return out;
}

describe('npm run lint enforces the boundaries of the house', () => {
  let results: LintMessage[][];

  const cases: LintCase[] = [
    {
      project: 'workflows/traject',
      file: 'workflows/traject/src/bad.ts',
      code: [
        "import { readFileSync } from 'fs';",
        "import { Worker } from '@temporalio/worker';",
        "import { createHash } from 'node:crypto';",
        'export const used = [readFileSync, Worker, createHash];',
        '',
      ].join('\n'),
    },
    {
      project: 'libs/shared/kernel',
      file: 'libs/shared/kernel/src/bad.ts',
      code: "import { loadConfig } from '@ketenregie/shared-platform';\nexport const used = loadConfig;\n",
    },
    {
      project: 'libs/shared/kernel',
      file: 'libs/shared/kernel/src/bad-nest.ts',
      code: "import { Injectable } from '@nestjs/common';\nimport { readFileSync } from 'node:fs';\nexport const used = [Injectable, readFileSync];\n",
    },
    {
      project: 'libs/monitoring/domain',
      file: 'libs/monitoring/domain/src/bad.ts',
      code: "import * as dataAccess from '@ketenregie/consent-data-access';\nimport { DataSource } from 'typeorm';\nexport const used = [dataAccess, DataSource];\n",
    },
    {
      project: 'workflows/traject',
      file: 'workflows/traject/src/clean.ts',
      code: [
        "import { proxyActivities, sleep } from '@temporalio/workflow';",
        "import { addWorkingDays, isValidBsn } from '@ketenregie/shared-kernel';",
        'export const used = [proxyActivities, sleep, addWorkingDays, isValidBsn];',
        '',
      ].join('\n'),
    },
    {
      project: 'libs/shared/kernel',
      file: 'libs/shared/kernel/src/clean.ts',
      code: "import { addDays } from './calendar/local-date';\n\nexport const tomorrow = (d: string): string => addDays(d, 1);\n",
    },
    {
      project: 'workflows/traject',
      file: 'workflows/traject/src/bad-platform.ts',
      code: "import { loadConfig } from '@ketenregie/shared-platform';\nexport const used = loadConfig;\n",
    },
    {
      project: 'libs/traject/domain',
      file: 'libs/traject/domain/src/bad-nest.ts',
      code: "import { Injectable } from '@nestjs/common';\nimport { loadConfig } from '@ketenregie/shared-platform';\nexport const used = [Injectable, loadConfig];\n",
    },
    {
      project: 'workflows/traject',
      file: 'workflows/traject/src/bad-domain.ts',
      code: "import { voerUit } from '@ketenregie/traject-domain';\nimport { volgendeToestand } from '@ketenregie/exchange-domain';\nexport const used = [voerUit, volgendeToestand];\n",
    },
    {
      project: 'libs/traject/application',
      file: 'libs/traject/application/src/bad-promise.ts',
      code: [
        'async function schrijf(): Promise<void> {',
        '  await Promise.resolve();',
        '}',
        'export function start(): void {',
        '  schrijf();',
        '}',
        'export async function startEnWacht(): Promise<void> {',
        '  await schrijf();',
        '}',
        '',
      ].join('\n'),
    },
    {
      project: 'libs/traject/domain',
      file: 'libs/traject/domain/src/bad-type-import.ts',
      code: "import { IsoDate } from '@ketenregie/shared-kernel';\nimport type { Fase } from './fase';\nexport const dag: IsoDate = '2027-01-04';\nexport const fase: Fase = 'aanmelding';\n",
    },
    {
      project: 'tests/lint',
      file: 'tests/lint/fixtures/cycle/a.ts',
      code: readFileSync(join(root, 'tests/lint/fixtures/cycle/a.ts'), 'utf8'),
    },
  ];

  beforeAll(() => {
    results = lint(cases);
  }, 180_000);

  it('(a) rejects Node built-ins and @temporalio/worker in workflow code', () => {
    expect(rulesByLine(results[0])).toEqual({
      1: ['no-restricted-imports'],
      2: ['@nx/enforce-module-boundaries', 'no-restricted-imports'],
      3: ['no-restricted-imports'],
    });
    expect(results[0].find((m) => m.line === 1)?.message).toMatch(/Node built-ins/);
  });

  it('(b) rejects shared-platform in the kernel through @nx/enforce-module-boundaries', () => {
    expect(rulesByLine(results[1])).toEqual({ 1: ['@nx/enforce-module-boundaries'] });
  });

  it('(b) rejects @nestjs/common (module boundaries) and Node built-ins in the kernel', () => {
    expect(rulesByLine(results[2])).toEqual({ 1: ['@nx/enforce-module-boundaries'], 2: ['no-restricted-imports'] });
    expect(results[2].find((m) => m.line === 1)?.message).toMatch(/@nestjs\/common/);
  });

  it("rejects another context's data-access and TypeORM in a domain library", () => {
    expect(rulesByLine(results[3])).toEqual({ 1: ['@nx/enforce-module-boundaries'], 2: ['@nx/enforce-module-boundaries'] });
  });

  it('(d) rejects shared-platform in workflow code', () => {
    expect(rulesByLine(results[6])).toEqual({ 1: ['@nx/enforce-module-boundaries'] });
    expect(results[6][0]?.message).toMatch(/type:workflow/);
  });

  it('(e) rejects @nestjs/common and shared-platform in a domain library', () => {
    expect(rulesByLine(results[7])).toEqual({ 1: ['@nx/enforce-module-boundaries'], 2: ['@nx/enforce-module-boundaries'] });
    expect(results[7].find((m) => m.line === 1)?.message).toMatch(/@nestjs\/common/);
  });

  it("(f) lets a workflow use its own context's domain rules, not another context's", () => {
    expect(rulesByLine(results[8])).toEqual({ 2: ['@nx/enforce-module-boundaries'] });
  });

  it('(g) rejects a promise that is neither awaited nor handled', () => {
    expect(rulesByLine(results[9])).toEqual({ 5: ['@typescript-eslint/no-floating-promises'] });
  });

  it('(h) asks for import type when an import is only used as a type', () => {
    expect(rulesByLine(results[10])).toEqual({ 1: ['@typescript-eslint/consistent-type-imports'] });
  });

  it('(i) rejects an import cycle between two modules', () => {
    expect(rulesByLine(results[11])).toEqual({ 1: ['import-x/no-cycle'] });
  });

  it('(c) passes clean workflow and kernel code', () => {
    expect(results[4]).toEqual([]);
    expect(results[5]).toEqual([]);
  });
});
