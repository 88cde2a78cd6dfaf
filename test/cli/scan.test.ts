import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const APP = path.join(ROOT, 'fixtures/socialhub');
const scan = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'scan', ...args], { cwd: APP, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });

describe('hotpath scan', () => {
  it('prints findings grouped by rule, with code frames, no colours off a terminal, and exits 1', () => {
    const result = scan('--no-types');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/● hotpath\/no-n-plus-one \(\d+\)/);
    expect(result.stdout).toMatch(/apps\/api\/src\/trpc\/routers\/user\.ts:\d+:\d+\n {2}`countMutualFollows\(\) → /);
    expect(result.stdout).toMatch(/> \d+ \| +const mutual = await countMutualFollows/);
    expect(result.stdout).toMatch(/problems \(\d+ errors\) in \d+ of \d+ files \(\d+ rules?, without type information\)/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 0 on clean code and with --exit-zero', () => {
    const clean = scan('apps/web/src/app/page.tsx');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/No problems in 1 files/);
    expect(scan('--no-types', '--exit-zero').status).toBe(0);
  });

  it('writes JSON for scripts, typed when a tsconfig.json is found', () => {
    const result = scan('--format', 'json');
    const report = JSON.parse(result.stdout) as { typed: boolean; findings: Array<{ rule: string; file: string; line: number }> };
    expect(report.typed).toBe(true);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.rule.startsWith('hotpath/') && !path.isAbsolute(f.file))).toBe(true);
  });

  it('writes SARIF 2.1.0 that validates against the official schema', () => {
    const result = scan('--no-types', '--format', 'sarif');
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: unknown[] }> };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] }), 'the schema rejects a run without a driver').toBe(false);
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('runs one rule with --rule', () => {
    const result = scan('--no-types', '--rule', 'no-n-plus-one', '--format', 'json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { rules: string[]; findings: Array<{ rule: string }> };
    expect(report.rules).toEqual(['hotpath/no-n-plus-one']);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['hotpath/no-n-plus-one']));
  });

  it.for([
    ['an unknown option', ['--frobnicate'], /unknown option '--frobnicate'/],
    ['an unknown format', ['--format', 'xml'], /argument 'xml' is invalid/],
    ['an unknown rule', ['--rule', 'no-such-rule'], /unknown rule "no-such-rule"/],
    ['a missing path', ['does/not/exist'], /no such file or directory: does\/not\/exist/],
  ] as const)('gives one clear line and exit code 2 for %s', ([, args, message]) => {
    const result = scan(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('hotpath scan file selection', () => {
  it("skips what .gitignore lists, node_modules and build output, and others' directives", async () => {
    const { scan: scanFiles } = await import('../../src/cli/scan.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-scan-'));
    const nPlusOne = 'import { db } from "../db";\nexport async function f(ids: number[]) {\n  for (const id of ids) await db.execute(String(id));\n}\n';
    const files: Record<string, string> = {
      '.gitignore': 'generated/\n',
      'db.ts': 'import { drizzle } from "drizzle-orm/node-postgres";\nexport const db = drizzle("postgres://localhost");\n',
      'src/a.ts': nPlusOne,
      'generated/b.ts': nPlusOne,
      'node_modules/pkg/c.ts': nPlusOne,
      'dist/d.ts': nPlusOne,
      '.next/e.ts': nPlusOne,
      // The repository's own directives name other plugins' rules: no finding of ours.
      'src/own-directives.ts': '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1;\n/* eslint-disable no-console */\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const result = await scanFiles({ cwd: dir, paths: ['.'], types: false });
    const reported = result.results.filter((r) => r.messages.length > 0).map((r) => path.relative(dir, r.filePath));
    expect(reported).toEqual(['src/a.ts']);
    expect(result.files).toBe(3);
  });
});

describe('hotpath scan progress', () => {
  const hasScript = existsSync('/usr/bin/script');
  it.skipIf(!hasScript)('shows progress on a terminal for scans of hundreds of files, and only there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-progress-'));
    for (let i = 0; i < 320; i++) writeFileSync(path.join(dir, `m${i}.ts`), `export const v${i} = ${i};\n`);
    const log = path.join(dir, 'tty.log');
    // `script` gives the CLI a pseudo-terminal; stdout goes to a file, so only stderr reaches it.
    spawnSync('script', ['-qec', `node ${BIN} scan . --no-types --format json > out.json`, log], { cwd: dir, encoding: 'utf8' });
    expect(readFileSync(log, 'utf8')).toMatch(/linting 300\/320 files/);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).files).toBe(320);
    const piped = spawnSync(process.execPath, [BIN, 'scan', '.', '--no-types'], { cwd: dir, encoding: 'utf8' });
    expect(piped.stderr).toBe('');
  });
});
