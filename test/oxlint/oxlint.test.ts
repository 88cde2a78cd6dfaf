import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from '../../src/cli/files.js';
import plugin from '../../src/index.js';
import { installedApp } from '../support/installed-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OXLINT = path.join(ROOT, 'node_modules/oxlint/bin/oxlint');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
// Both runs measure every import, as in CI, so that bundle findings never depend on how warm the disk cache is.
const ENV = { ...process.env, CI: '1', FORCE_COLOR: '0' };
const run = (script: string, args: string[], cwd: string) =>
  spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: ENV, maxBuffer: 1 << 26 });

/**
 * Rules of `recommended` that cannot run under oxlint, each with the reason; they are left out of the comparison.
 * None today: oxlint 1.95 has every API the untyped rules use (scopes, tokens, suggestions, settings, options).
 */
const NOT_UNDER_OXLINT: Record<string, string> = {};

/** The `.oxlintrc.json` of the README's "With oxlint" section, as a user copies it. */
function readmeOxlintConfig(): { jsPlugins: string[]; rules: Record<string, string> } {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## With oxlint\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const block = /^```json\n([\s\S]*?)^```$/m.exec(section);
  if (!block) throw new Error('README: no json block under "## With oxlint"');
  return JSON.parse(block[1]!) as { jsPlugins: string[]; rules: Record<string, string> };
}

interface OxlintDiagnostic {
  message: string;
  code?: string;
  filename: string;
  labels: Array<{ span: { line: number } }>;
}

/** `file:line rule` of each hotpath finding of one oxlint run over `files`, sorted; throws on a crashed rule. */
function oxlint(app: string, files: string[], extra: string[] = []): string[] {
  const result = run(OXLINT, ['--format', 'json', ...extra, ...files], app);
  // Exit 1 means findings; anything else (a config oxlint cannot load, a panic) is a failure of the run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`oxlint exited ${result.status}: ${result.stderr}${result.stdout}`);
  const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
  // A rule that throws shows up as a diagnostic, not as an exit code: none may.
  expect(diagnostics.filter((d) => /Error running JS plugin/.test(d.message))).toEqual([]);
  return diagnostics
    .filter((d) => d.code?.startsWith('hotpath('))
    .map((d) => `${path.relative(app, path.resolve(app, d.filename))}:${d.labels[0]!.span.line} ${d.code!.replace(/^hotpath\((.*)\)$/, 'hotpath/$1')}`)
    .filter((entry) => !(entry.split(' hotpath/')[1]! in NOT_UNDER_OXLINT))
    .sort();
}

/** The same, from ESLint's CLI with the copy's `eslint.config.js` (`hotpath.configs.recommended`, untyped). */
function eslint(app: string, files: string[]): string[] {
  const result = run(ESLINT, ['--format', 'json', ...files], app);
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint exited ${result.status}: ${result.stderr}`);
  const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number }> }>;
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(app, r.filePath)}:${m.line} ${m.ruleId}`))
    .filter((entry) => !(entry.split(' hotpath/')[1]! in NOT_UNDER_OXLINT))
    .sort();
}

/**
 * oxlint runs the untyped rules through its `jsPlugins`, with one context object and one `sourceCode` reused for
 * every file: a cache that kept a node (or the context) of one file's lint answered later files with another
 * file's scopes, and cross-file findings changed from run to run. Two runs in different file orders and thread
 * counts must agree with each other and with ESLint's.
 */
describe('under oxlint', () => {
  const app = installedApp('oxlint');
  const config = readmeOxlintConfig();
  writeFileSync(path.join(app, '.oxlintrc.json'), JSON.stringify(config, null, 2));

  it('the README config enables every recommended rule', () => {
    expect(config.jsPlugins).toEqual(['eslint-plugin-hotpath']);
    expect(config.rules).toEqual(plugin.configs.recommended.rules);
    expect(execFileSync(process.execPath, [OXLINT, '--version'], { encoding: 'utf8' })).toMatch(/^Version: \d+\.\d+\.\d+/);
  });

  it('reports the fixture app exactly as ESLint does, twice', async () => {
    // Given as files: oxlint's own walk would skip the copy, which sits in the repository's ignored `.cache/`.
    const files = (await listSourceFiles(app, ['.'])).map((f) => path.relative(app, f));
    const expected = eslint(app, files);
    const first = oxlint(app, files);
    const second = oxlint(app, [...files].reverse(), ['--threads=1']);
    expect(first).toEqual(expected);
    expect(second).toEqual(first);
    // The fixture's cross-file findings (a database from a workspace package, a query inside a helper module)
    // are the ones a stale cache lost.
    expect(expected).toContain('apps/api/src/jobs/feed-polling.job.ts:26 hotpath/no-n-plus-one');
    expect(expected).toContain('apps/api/src/trpc/routers/user.ts:37 hotpath/no-n-plus-one');
    expect(new Set(expected.map((e) => e.split(' ')[1]))).toEqual(new Set(Object.keys(config.rules)));
  });

  it('passes settings.hotpath from .oxlintrc.json to the rules', () => {
    const typo = { ...config, settings: { hotpath: { clientFile: ['apps/web/**'] } } };
    writeFileSync(path.join(app, 'typo.oxlintrc.json'), JSON.stringify(typo));
    const result = run(OXLINT, ['-c', 'typo.oxlintrc.json', 'apps/web/src/lib/trpc.ts'], app);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('invalid setting `settings.hotpath.clientFile`: unknown key');
  });
});
