import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** A project in a temporary folder, outside this repository (whose own eslint.config.js would be found). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-project-'));
  for (const [name, text] of Object.entries({ 'package.json': '{"type":"module"}', ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const run = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, 'scan', '--no-types', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, ...env } });
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ rule: string; file: string; line: number; severity: string }> }).findings;

// `ctx.database` is a Drizzle database only for a project that says so: `drizzle.contextKeys`.
const ROUTER = `import { initTRPC } from "@trpc/server";

const t = initTRPC.create();

export const appRouter = t.router({
  feed: t.procedure.query(async ({ ctx, input }) => {
    for (const id of input.ids) await ctx.database.query.posts.findFirst({ where: { id } });
  }),
});
`;
const settingsConfig = (keys: string[]) => `export default [{ settings: { hotpath: { drizzle: { contextKeys: ${JSON.stringify(keys)} } } } }];\n`;
const PLUGIN = JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/src/index.js')).href);

describe('hotpath scan with the user’s ESLint config', () => {
  it('reads settings.hotpath from eslint.config.js; --no-config-lookup leaves it out', () => {
    const dir = project({ 'src/router.ts': ROUTER, 'eslint.config.js': settingsConfig(['database']) });
    const found = run(dir, ['--format', 'json']);
    expect(found.status).toBe(1);
    expect(findings(found.stdout).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['src/router.ts:7 hotpath/no-n-plus-one']);
    const without = run(dir, ['--no-config-lookup', '--format', 'json']);
    expect(without.status).toBe(0);
    expect(findings(without.stdout)).toEqual([]);
  });

  it('-c/--config chooses the file, and cannot be combined with --no-config-lookup', () => {
    const dir = project({ 'src/router.ts': ROUTER, 'eslint.config.js': settingsConfig(['db']), 'configs/hotpath.config.js': settingsConfig(['database']) });
    expect(run(dir, ['--format', 'json']).status).toBe(0);
    for (const flag of ['-c', '--config']) {
      expect(findings(run(dir, [flag, 'configs/hotpath.config.js', '--format', 'json']).stdout)).toHaveLength(1);
    }
    const both = run(dir, ['-c', 'configs/hotpath.config.js', '--no-config-lookup']);
    expect(both.status).toBe(2);
    expect(both.stderr.trim()).toBe('hotpath: --config and --no-config-lookup cannot be used together');
  });

  it('settings under a files pattern reach only those files, Next.js folder names included', () => {
    const dir = project({
      'app/(shop)/[id]/router.ts': ROUTER,
      'app/other/router.ts': ROUTER,
      'eslint.config.js': `export default [{ files: ["app/(shop)/**"], settings: { hotpath: { drizzle: { contextKeys: ["database"] } } } }];\n`,
    });
    expect(findings(run(dir, ['--format', 'json']).stdout).map((f) => f.file)).toEqual(['app/(shop)/[id]/router.ts']);
  });

  it('a rule the config sets to "warn" is a warning: --quiet hides it, --max-warnings counts it', () => {
    const dir = project({
      'src/router.ts': ROUTER,
      'eslint.config.js': `import hotpath from ${PLUGIN};\nexport default [hotpath.configs.recommended, { settings: { hotpath: { drizzle: { contextKeys: ["database"] } } }, rules: { "hotpath/no-n-plus-one": "warn" } }];\n`,
    });
    const warned = run(dir, ['--format', 'json']);
    expect(warned.status).toBe(0);
    expect(findings(warned.stdout).map((f) => f.severity)).toEqual(['warning']);
    expect(findings(run(dir, ['--quiet', '--format', 'json']).stdout)).toEqual([]);
    expect(run(dir, ['--max-warnings', '1']).status).toBe(0);
    const over = run(dir, ['--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('hotpath: 1 warnings, more than --max-warnings 0 allows\n');
    expect(run(dir, ['--max-warnings', '0', '--exit-zero']).status).toBe(0);
    expect(run(dir, ['--max-warnings', '0', '--quiet']).status).toBe(0);
  });

  it('a config that does not load, or settings that do not validate, give one line and exit 2', () => {
    const broken = project({ 'src/router.ts': ROUTER, 'eslint.config.js': 'import "no-such-package";\nexport default [];\n' });
    const result = run(broken, []);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^hotpath: cannot read the ESLint config: .*no-such-package.* \(--no-config-lookup scans without it\)\n$/);
    expect(run(broken, ['--no-config-lookup']).status).toBe(0);
    const typo = project({ 'src/router.ts': ROUTER, 'eslint.config.js': 'export default [{ settings: { hotpath: { clientFile: ["x"] } } }];\n' });
    const invalid = run(typo, []);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^hotpath: .*clientFile/);
  });
});

describe('hotpath scan: the flags users type from habit', () => {
  it('--rule repeats, and takes a list', () => {
    const rules = (args: string[]) => (JSON.parse(scan('--no-types', '--format', 'json', ...args).stdout) as { rules: string[] }).rules;
    const both = ['hotpath/no-n-plus-one', 'hotpath/no-offset-pagination'];
    expect(rules(['--rule', 'no-offset-pagination', '--rule', 'hotpath/no-n-plus-one'])).toEqual(both);
    expect(rules(['--rule', 'no-n-plus-one,no-offset-pagination'])).toEqual(both);
  });

  it('colours with --color or FORCE_COLOR off a terminal; never with --no-color or FORCE_COLOR=0', () => {
    const ansi = /\u001b\[/;
    const dir = project({ 'src/router.ts': ROUTER, 'eslint.config.js': settingsConfig(['database']) });
    expect(run(dir, []).stdout).not.toMatch(ansi);
    expect(run(dir, ['--color']).stdout).toMatch(ansi);
    expect(run(dir, [], { FORCE_COLOR: '1' }).stdout).toMatch(ansi);
    expect(run(dir, [], { FORCE_COLOR: '0' }).stdout).not.toMatch(ansi);
    expect(run(dir, ['--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ansi);
    expect(run(dir, ['--color'], { NO_COLOR: '1' }).stdout).toMatch(ansi);
  });

  it.for([
    ['a folder with no source file', { 'docs/README.md': '# docs\n' }, ['docs'], 'hotpath: no JavaScript or TypeScript files in docs'],
    ['a file that is not source', { 'docs/README.md': '# docs\n' }, ['docs/README.md'], 'hotpath: no JavaScript or TypeScript files in docs/README.md'],
    ['a folder .gitignore hides', { '.gitignore': 'generated/\n', 'generated/a.ts': 'export {};\n', 'src/b.ts': 'export {};\n' }, ['generated'], 'hotpath: all files in generated are ignored (node_modules, build output or .gitignore)'],
    ['a malformed --max-warnings', { 'a.ts': 'export {};\n' }, ['--max-warnings', '-1'], 'hotpath: --max-warnings must be a whole number, like 0 or 10 (got "-1")'],
  ] as const)('exits 2 with one line for %s', ([, files, args, message]) => {
    const result = run(project(files), [...args]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });

  it('a crash is exit 2, never 1 (which means findings)', () => {
    // Writing the report into a folder that does not exist: an exception nobody planned for.
    const result = run(project({ 'a.ts': 'export {};\n' }), ['-o', 'no/such/folder/report.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^hotpath: crashed: Error: ENOENT/);
  });
});
