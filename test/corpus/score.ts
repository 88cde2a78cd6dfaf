// Scores the rules on the labelled corpus of real apps in test/corpus/apps/ (see SOURCES.md): each app is
// copied to a scratch folder, linked as a workspace install links it, linted with the plugin's recommended
// configs through ESLint's Node API, and its reports are compared with the `hotpath-expect` markers.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';

export const SCORED_RULES = ['no-n-plus-one', 'no-offset-pagination', 'no-unbatched-redis', 'require-index'] as const;
export type ScoredRule = (typeof SCORED_RULES)[number];
export type Mode = 'untyped' | 'typed';
export type Checkout = 'whole' | 'package';

export interface ScoreOptions {
  /** App folder names under test/corpus/apps/; all of them when left out. */
  apps?: string[];
  modes: Mode[];
  checkout: Checkout | Checkout[];
  /** Called after each app × mode × checkout run. */
  onRun?: (run: RunResult) => void;
}

/** One reported or expected site: `file:line rule`, the file relative to the app's root. */
export interface Site {
  app: string;
  file: string;
  line: number;
  rule: ScoredRule;
  source: string;
}

export interface RunResult {
  app: string;
  mode: Mode;
  checkout: Checkout;
  /** The folder linted, relative to the app's root ('.' for the whole app). */
  root: string;
  files: number;
  /** Files that no tsconfig of the checkout covers, linted untyped in a typed run. */
  untypedFallback: number;
  /** Files ESLint could not parse at all. */
  fatal: string[];
  ms: number;
  tp: Site[];
  fp: Site[];
  fn: Site[];
}

export interface Cell {
  rule: ScoredRule;
  mode: Mode;
  checkout: Checkout;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Score {
  runs: RunResult[];
  cells: Cell[];
}

// The same from the sources (vitest) and from dist/test/corpus/ (`npm run corpus`).
const PROJECT = findProjectRoot(import.meta.dirname);
const APPS = path.join(PROJECT, 'test/corpus/apps');
const PROJECT_MODULES = path.join(PROJECT, 'node_modules');
const MARKER = /(?:\/\/|\/\*) hotpath-expect: ([\w-]+(?:\s*,\s*[\w-]+)*)/;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
// A file no tsconfig covers: the typed run cannot parse it, so it is linted without types (as `hotpath scan` does).
const NOT_IN_PROJECT = /was not found by the project service|not included in any tsconfig|none of those TSConfigs include this file/i;

export function listApps(): string[] {
  return readdirSync(APPS).filter((name) => statSync(path.join(APPS, name)).isDirectory()).sort();
}

/** Every `hotpath-expect` marker of a scored rule under `dir`, files relative to `dir`. */
export function readLabels(app: string, dir = path.join(APPS, app)): Site[] {
  const sites: Site[] = [];
  for (const file of sourceFiles(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      const rules = line.match(MARKER)?.[1]?.split(/\s*,\s*/) ?? [];
      for (const rule of rules) {
        if ((SCORED_RULES as readonly string[]).includes(rule)) {
          sites.push({ app, file: path.relative(dir, file), line: i + 1, rule: rule as ScoredRule, source: line.trim() });
        }
      }
    }
  }
  return sites;
}

/** The workspace package folder (relative to the app's root) that holds most labels: the 'package' checkout. */
export function mainPackage(app: string): string {
  const counts = new Map<string, number>();
  const appDir = path.join(APPS, app);
  for (const site of readLabels(app)) {
    let dir = path.dirname(path.join(appDir, site.file));
    while (dir !== appDir && !existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    const rel = path.relative(appDir, dir) || '.';
    counts.set(rel, (counts.get(rel) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '.';
}

export async function scoreCorpus(options: ScoreOptions): Promise<Score> {
  const apps = options.apps ?? listApps();
  const checkouts = Array.isArray(options.checkout) ? options.checkout : [options.checkout];
  const runs: RunResult[] = [];
  for (const app of apps) {
    for (const checkout of checkouts) {
      for (const mode of options.modes) {
        const run = await scoreApp(app, mode, checkout);
        runs.push(run);
        options.onRun?.(run);
      }
    }
  }
  return summarize(runs);
}

/** Totals per rule × mode × checkout over the runs given. */
export function summarize(runs: RunResult[]): Score {
  const cells: Cell[] = [];
  for (const checkout of unique(runs.map((r) => r.checkout))) {
    for (const mode of unique(runs.map((r) => r.mode))) {
      const these = runs.filter((r) => r.mode === mode && r.checkout === checkout);
      if (these.length === 0) continue;
      for (const rule of SCORED_RULES) {
        const count = (pick: (r: RunResult) => Site[]) => these.flatMap(pick).filter((s) => s.rule === rule).length;
        const tp = count((r) => r.tp);
        const fp = count((r) => r.fp);
        const fn = count((r) => r.fn);
        cells.push({ rule, mode, checkout, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) });
      }
    }
  }
  return { runs, cells };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export async function scoreApp(app: string, mode: Mode, checkout: Checkout): Promise<RunResult> {
  const appDir = path.join(APPS, app);
  const root = checkout === 'whole' ? '.' : mainPackage(app);
  const scratch = mkdtempSync(path.join(tmpdir(), `hotpath-corpus-${app}-`));
  try {
    // The checkout keeps the folder's own name, so that paths in messages read as in the app.
    const cwd = path.join(scratch, root === '.' ? app : path.basename(root));
    cpSync(path.join(appDir, root), cwd, { recursive: true });
    linkModules(cwd, checkout === 'whole');
    const expected = readLabels(app, cwd);
    const start = performance.now();
    const { results, untypedFallback } = await lint(cwd, mode);
    const ms = performance.now() - start;
    const fatal = results.filter((r) => r.messages.some((m) => m.fatal)).map((r) => path.relative(cwd, r.filePath));
    const key = (s: { file: string; line: number; rule: string }) => `${s.file}:${s.line} ${s.rule}`;
    const reported = new Map<string, Site>();
    for (const result of results) {
      const file = path.relative(cwd, result.filePath);
      const lines = readFileSync(result.filePath, 'utf8').split('\n');
      for (const message of result.messages) {
        const rule = message.ruleId?.replace(/^hotpath\//, '');
        if (!rule || !(SCORED_RULES as readonly string[]).includes(rule)) continue;
        const site: Site = { app, file, line: message.line, rule: rule as ScoredRule, source: lines[message.line - 1]?.trim() ?? '' };
        reported.set(key(site), site);
      }
    }
    const wanted = new Map(expected.map((s) => [key(s), s]));
    const prefix = (s: Site): Site => ({ ...s, file: root === '.' ? s.file : path.join(root, s.file) });
    return {
      app,
      mode,
      checkout,
      root,
      files: results.length,
      untypedFallback,
      fatal,
      ms,
      tp: [...wanted.values()].filter((s) => reported.has(key(s))).map(prefix),
      fp: [...reported.values()].filter((s) => !wanted.has(key(s))).map(prefix),
      fn: [...wanted.values()].filter((s) => !reported.has(key(s))).map(prefix),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function lint(cwd: string, mode: Mode): Promise<{ results: ESLint.LintResult[]; untypedFallback: number }> {
  // The plugin's configs, with only the scored rules on (ESLint's and typescript-eslint's config types differ).
  const only = (config: object): Linter.Config => ({
    ...(config as Linter.Config),
    rules: Object.fromEntries(SCORED_RULES.map((rule) => [`hotpath/${rule}`, 'error'])),
  });
  const untyped = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [only(plugin.configs.recommended)] });
  if (mode === 'untyped') return { results: await untyped.lintFiles(['.']), untypedFallback: 0 };
  const typedConfig = only(plugin.configs['recommended-type-checked']);
  const typed = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        ...typedConfig,
        languageOptions: { ...typedConfig.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: cwd } },
      },
    ],
  });
  const results = await typed.lintFiles(['.']);
  const outside = results.filter((r) => r.messages.some((m) => m.fatal && NOT_IN_PROJECT.test(m.message)));
  const retried = outside.length ? await untyped.lintFiles(outside.map((r) => r.filePath)) : [];
  return { results: [...results.filter((r) => !outside.includes(r)), ...retried], untypedFallback: outside.length };
}

/**
 * What `pnpm install` leaves in the checkout's root node_modules, as far as resolution needs: each workspace
 * package under its name (whole checkouts only: a lone package has no siblings), and each third-party
 * dependency that this project has installed too (drizzle-orm, ioredis, redis, @upstash/redis, @trpc/server…).
 */
export function linkModules(cwd: string, workspace: boolean): void {
  const modules = path.join(cwd, 'node_modules');
  const link = (name: string, target: string) => {
    const at = path.join(modules, name);
    if (existsSync(at)) return;
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  };
  const manifests = findFiles(cwd, (name) => name === 'package.json');
  const names = new Set<string>();
  for (const manifest of manifests) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    if (workspace && typeof pkg.name === 'string' && path.dirname(manifest) !== cwd) link(pkg.name, path.dirname(manifest));
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      for (const dep of Object.keys((pkg[field] as Record<string, string> | undefined) ?? {})) names.add(dep);
    }
  }
  // The types every app of the corpus is written against, whether or not a manifest of the checkout names them.
  for (const dep of ['drizzle-orm', '@trpc/server', 'zod', '@types/node', 'typescript']) names.add(dep);
  for (const dep of names) {
    const installed = path.join(PROJECT_MODULES, dep);
    if (existsSync(installed) && !existsSync(path.join(modules, dep))) link(dep, installed);
  }
}

function findProjectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'eslint-plugin-hotpath') return dir;
  }
  throw new Error(`no eslint-plugin-hotpath package.json above ${from}`);
}

function sourceFiles(dir: string): string[] {
  return findFiles(dir, (name) => SOURCE.test(name) && !name.endsWith('.d.ts'));
}

function findFiles(dir: string, want: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, want));
    else if (want(entry.name)) found.push(full);
  }
  return found.sort();
}

/** The score as Markdown tables (one per checkout), then every false positive and false negative. */
export function formatScore(score: Score, { sites = true }: { sites?: boolean } = {}): string {
  const out: string[] = [];
  const checkouts = [...new Set(score.cells.map((c) => c.checkout))];
  for (const checkout of checkouts) {
    out.push(`\n### ${checkout === 'whole' ? 'Whole-app checkouts' : 'Single-package checkouts'}\n`);
    out.push('| rule | mode | TP | FP | FN | precision | recall |', '|---|---|---:|---:|---:|---:|---:|');
    for (const c of score.cells.filter((cell) => cell.checkout === checkout)) {
      out.push(`| \`${c.rule}\` | ${c.mode} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} |`);
    }
    const runs = score.runs.filter((r) => r.checkout === checkout);
    out.push('', '| app | root | mode | files | untyped fallback | fatal | seconds |', '|---|---|---|---:|---:|---:|---:|');
    for (const r of runs) {
      out.push(`| ${r.app} | ${r.root} | ${r.mode} | ${r.files} | ${r.untypedFallback} | ${r.fatal.length} | ${(r.ms / 1000).toFixed(1)} |`);
    }
  }
  if (sites) {
    for (const r of score.runs) {
      if (r.fp.length + r.fn.length === 0) continue;
      out.push(`\n#### ${r.app} · ${r.checkout} · ${r.mode}`);
      for (const s of r.fp) out.push(`FP ${s.file}:${s.line} ${s.rule}    ${s.source}`);
      for (const s of r.fn) out.push(`FN ${s.file}:${s.line} ${s.rule}    ${s.source}`);
    }
  }
  return out.join('\n');
}
