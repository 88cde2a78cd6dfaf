import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
// The versions this repository installs, so the scratch projects install them from npm's cache.
const version = (name: string) =>
  (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The fenced blocks of the README's Install and Configure sections, as a new user copies them: the tests below
 * run these very texts, so the README cannot drift from what works.
 */
function readmeBlocks(): Array<{ lang: string; code: string }> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Install\n'), readme.indexOf('\n## Rules\n'));
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(([, lang, code]) => ({ lang: lang!, code: code! }));
}

/** The README's complete ESLint configs (the Settings fragment has no import, so it is not one of them). */
const readmeConfigs = readmeBlocks()
  .filter(({ lang, code }) => lang === 'js' && /^(import hotpath from|const hotpath = require)/m.test(code))
  .map(({ code }) => ({ code, file: code.includes('require(') ? 'eslint.config.cjs' : 'eslint.config.js' }));

// Found through import provenance alone, so the scratch projects need no Drizzle install. Line 6 in both.
const N_PLUS_ONE = {
  ts: 'import { drizzle } from "drizzle-orm/node-postgres";\n\nconst db = drizzle(process.env.DATABASE_URL!);\n\nexport async function load(ids: number[]) {\n  for (const id of ids) await db.select().from(users).where(id);\n}\ndeclare const users: any;\n',
  js: 'import { drizzle } from "drizzle-orm/node-postgres";\n\nconst db = drizzle(process.env.DATABASE_URL);\n\nexport async function seed(ids) {\n  for (const id of ids) await db.select().from("users").where(id);\n}\n',
};

type Results = Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; message: string }> }>;

/**
 * The packed tarball, installed the way users install it into fresh projects on ESLint 9 and 10: every config the
 * README shows lints a project whose tsconfig covers only `src/`, the config file included, with the findings and
 * no parsing error; `require()` returns the plugin; an `eslint.config.ts` type-checks under `strict`.
 */
describe('the published package', () => {
  const packDir = mkdtempSync(path.join(tmpdir(), 'hotpath-pack-'));
  npm(['pack', '--pack-destination', packDir], ROOT);
  const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);

  it('ships only dist/, docs/, README and LICENSE', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const top = new Set(listing.map((f) => f.replace(/^package\//, '').split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'docs', 'package.json']);
    expect(listing.some((f) => f.endsWith('.test.js'))).toBe(false);
  });

  it('shows the configs that a new user needs', () => {
    const kind = ({ code, file }: { code: string; file: string }) => {
      if (file.endsWith('.cjs')) return 'require';
      return ['disable-type-checked', 'allowDefaultProject', 'recommended-type-checked'].find((k) => code.includes(k)) ?? 'untyped';
    };
    const kinds = readmeConfigs.map(kind);
    expect(kinds).toEqual(['untyped', 'allowDefaultProject', 'disable-type-checked', 'require']);
  });

  it.for(['9', '10'])('works as the README says on ESLint %s', { timeout: 300_000 }, (major) => {
    const project = mkdtempSync(path.join(tmpdir(), `hotpath-eslint${major}-`));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    // TypeScript 5.4 reads the declarations that package.json's "types@<5.6" points to.
    npm(['install', tarball, `eslint@${major}`, 'typescript@~5.9', 'typescript-5.4@npm:typescript@~5.4', `@types/node@${version('@types/node')}`], project);
    const eslint = path.join(project, 'node_modules/eslint/bin/eslint.js');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };

    for (const [index, { code, file }] of readmeConfigs.entries()) {
      // Each config in a folder of its own, as the root of a project: the tsconfig covers src/ and not the config.
      const dir = path.join(project, `readme-${index}`);
      write(path.join(dir, file), code);
      write(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext' }, include: ['src'] }));
      write(path.join(dir, 'src/feed.ts'), N_PLUS_ONE.ts);
      // allowDefaultProject covers the root folder's files only, as the README says; the others cover all JS.
      const scripts = !code.includes('allowDefaultProject');
      if (scripts) write(path.join(dir, 'scripts/seed.js'), N_PLUS_ONE.js);
      const run = spawnSync(process.execPath, [eslint, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
      const results = JSON.parse(run.stdout) as Results;
      const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`));
      expect(found, `${file}:\n${code}`).toEqual([
        ...(scripts ? ['scripts/seed.js:6 hotpath/no-n-plus-one'] : []),
        'src/feed.ts:6 hotpath/no-n-plus-one',
      ]);
      expect(results.map((r) => path.relative(dir, r.filePath))).toContain(file);

      const printConfig = (target: string) =>
        JSON.parse(execFileSync(process.execPath, [eslint, '--print-config', target], { cwd: dir, encoding: 'utf8' })) as {
          plugins: string[];
          languageOptions: { parserOptions: { projectService?: unknown } };
        };
      if (code.includes('disable-type-checked')) {
        expect(printConfig('src/feed.ts').languageOptions.parserOptions.projectService).toBe(true);
        expect(printConfig('scripts/seed.js').languageOptions.parserOptions.projectService).toBe(false);
      } else if (!code.includes('type-checked')) {
        expect(printConfig('src/feed.ts').plugins.some((p) => p.startsWith('hotpath:eslint-plugin-hotpath@'))).toBe(true);
      }
      if (file.endsWith('.cjs')) {
        // require(esm) returns the "module.exports" export: the same object as the default import.
        const script = 'const hotpath = require("eslint-plugin-hotpath"); import("eslint-plugin-hotpath").then((m) => console.log(JSON.stringify({ same: hotpath === m.default, configs: Object.keys(hotpath.configs) })));';
        const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' })) as unknown;
        expect(loaded).toEqual({ same: true, configs: ['recommended', 'recommended-type-checked', 'all', 'disable-type-checked'] });
      }
    }

    // ESLint's own types take the plugin and its configs as unicorn's, @eslint/js's and typescript-eslint's.
    const types = path.join(project, 'types');
    write(path.join(types, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['eslint.config.ts'] }));
    write(
      path.join(types, 'eslint.config.ts'),
      `import type { ESLint, Linter } from "eslint";
import { defineConfig } from "eslint/config";
import hotpath from "eslint-plugin-hotpath";

const plugin: ESLint.Plugin = hotpath;
const configs: Linter.Config[] = [
  hotpath.configs.recommended,
  hotpath.configs["recommended-type-checked"],
  hotpath.configs.all,
  hotpath.configs["disable-type-checked"],
  { plugins: { hotpath }, rules: { "hotpath/no-n-plus-one": "warn" } },
];
// @ts-expect-error: the configs are typed, not a record of anything
export const missing = hotpath.configs["no-such-config"];

export default defineConfig(
  hotpath.configs.recommended,
  { files: ["**/*.ts"], extends: [hotpath.configs["recommended-type-checked"]] },
  { files: ["**/*.js"], extends: [hotpath.configs["disable-type-checked"]] },
  { plugins: { hotpath, again: plugin }, languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  configs,
);
`,
    );
    for (const typescript of ['typescript', 'typescript-5.4']) {
      const tsc = spawnSync(process.execPath, [path.join(project, 'node_modules', typescript, 'bin/tsc'), '-p', types], { encoding: 'utf8' });
      expect(`${typescript}: ${tsc.stdout}${tsc.stderr}`).toBe(`${typescript}: `);
      expect(tsc.status).toBe(0);
    }
  });

  it("installs with pnpm's strict build scripts and the README's setting for esbuild", { timeout: 300_000 }, () => {
    const pnpmDir = mkdtempSync(path.join(tmpdir(), 'hotpath-pnpm-bin-'));
    writeFileSync(path.join(pnpmDir, 'package.json'), JSON.stringify({ name: 'pnpm-bin', private: true }));
    npm(['install', 'pnpm@10'], pnpmDir);
    const project = mkdtempSync(path.join(tmpdir(), 'hotpath-pnpm-'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    const pnpm = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(pnpmDir, 'node_modules/pnpm/bin/pnpm.cjs'), ...args, '--prefer-offline'], {
        cwd: project,
        encoding: 'utf8',
      });
    // pnpm 11's default (it needs Node.js 22), on pnpm 10, which this machine's Node.js 20 runs.
    writeFileSync(path.join(project, 'pnpm-workspace.yaml'), 'strictDepBuilds: true\n');
    const refused = pnpm('add', tarball, `eslint@${version('eslint')}`);
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/ERR_PNPM_IGNORED_BUILDS.*esbuild/);

    const [yaml, ...more] = readmeBlocks().filter(({ lang }) => lang === 'yaml');
    expect(more).toEqual([]);
    writeFileSync(path.join(project, 'pnpm-workspace.yaml'), `strictDepBuilds: true\n${yaml!.code}`);
    const installed = pnpm('add', tarball, `eslint@${version('eslint')}`);
    expect(installed.stdout + installed.stderr).not.toMatch(/ERR_PNPM|Ignored build scripts/);
    expect(installed.status).toBe(0);
    // Without its install script esbuild still bundles: the rules call its API, not its command.
    const script = 'import("eslint-plugin-hotpath").then(({ default: hotpath }) => { const { createRequire } = require("node:module"); const esbuild = createRequire(require.resolve("eslint-plugin-hotpath"))("esbuild"); console.log(Object.keys(hotpath.configs).length, esbuild.buildSync({ stdin: { contents: "export const x = 1 + 1" }, bundle: true, minify: true, write: false }).outputFiles[0].text.trim()); });';
    expect(execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('4 (()=>{var o=2;})();');
  });
});
