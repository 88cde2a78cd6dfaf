import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../index.js';
import { eslintOptions, supportsConcurrency, type LintSetup } from './eslint-options.js';
import { listSourceFiles } from './files.js';
import { UsageError } from '../usage-error.js';
import { readUserConfig, type ConfigChoice } from '../user-config.js';

export interface ScanOptions {
  cwd: string;
  paths: string[];
  /** `false` forces untyped linting even when a tsconfig.json is found. */
  types: boolean;
  /** Run only these rules (names with or without the `hotpath/` prefix); all recommended ones when empty. */
  rules?: string[];
  /** The user's ESLint config to read `settings.hotpath` from: looked up (default), a file, or `false` for none. */
  config?: ConfigChoice;
  /** Called with (done, total) while files are linted in chunks. */
  onProgress?: (done: number, total: number) => void;
  /** ESLint's own multithread linting: worker threads, `auto` for as many as pay off, `off` for none. */
  concurrency?: 'off' | 'auto' | number;
  /** Keep ESLint's result cache in this file, or `null` for none. */
  cacheLocation?: string | null;
  /** Lint only shard `index` (1-based) of `count`: a deterministic part of the files, for CI matrices. */
  shard?: { index: number; count: number };
}

export interface ScanResult {
  results: ESLint.LintResult[];
  files: number;
  typed: boolean;
  /** The tsconfig.json whose folder roots the typed run. */
  tsconfig: string | null;
  rules: string[];
}

const CHUNK = 100;
// A file no tsconfig covers: typed linting cannot parse it, so it is linted without types instead.
const NOT_IN_PROJECT = /was not found by the project service|not included in any tsconfig|none of those TSConfigs include this file/i;

/** Runs the plugin's recommended config over `paths` through ESLint's Node API. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const rules = selectRules(options.rules ?? []);
  const tsconfig = options.types ? findTsconfig(options.cwd, options.paths) : null;
  const listed = await listSourceFiles(options.cwd, options.paths);
  const overrides = await readUserConfig(options.cwd, listed, options.config);
  const setup = (tsconfigRootDir: string | null, cached: boolean): LintSetup => ({
    cwd: options.cwd,
    rules,
    tsconfigRootDir,
    // The typed and the untyped run keep their own caches: their results differ for the same file.
    cacheLocation: cached && options.cacheLocation ? `${options.cacheLocation}${tsconfigRootDir ? '-typed' : ''}` : null,
    concurrency: options.concurrency ?? 'off',
    overrides,
  });
  const typedLint = tsconfig ? await createEslint(setup(path.dirname(tsconfig), true)) : null;
  const untypedLint = await createEslint(setup(null, !typedLint));
  const lint = typedLint ?? untypedLint;

  const all = await keepLinted(listed, options.cwd, options.paths, lint);
  const files = options.shard ? shardOf(all, options.shard, options.cwd) : all;
  const results: ESLint.LintResult[] = [];
  // Threads start per lintFiles() call: with them, one call for all files.
  const chunkSize = (options.concurrency ?? 'off') === 'off' ? CHUNK : Math.max(files.length, 1);
  for (let i = 0; i < files.length; i += chunkSize) {
    const chunk = files.slice(i, i + chunkSize);
    const linted = await lint.lintFiles(chunk);
    const outside = linted.filter((r) => typedLint && r.messages.some((m) => m.fatal && NOT_IN_PROJECT.test(m.message)));
    const retried = outside.length ? await untypedLint.lintFiles(outside.map((r) => r.filePath)) : [];
    results.push(...linted.filter((r) => !outside.includes(r)), ...retried);
    options.onProgress?.(Math.min(i + chunkSize, files.length), files.length);
  }
  // A repository's own eslint-disable comments name rules of other plugins: ESLint reports those as
  // unknown rules, and directives for rules that did not run as unused. Neither is a finding of ours.
  for (const result of results) {
    result.messages = result.messages.filter((m) => m.fatal || m.ruleId?.startsWith('hotpath/'));
    result.errorCount = result.messages.filter((m) => m.severity === 2).length;
    result.warningCount = result.messages.filter((m) => m.severity === 1).length;
  }
  results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  return { results, files: files.length, typed: Boolean(typedLint), tsconfig, rules };
}

function selectRules(only: string[]): string[] {
  const all = Object.keys(plugin.rules);
  if (only.length === 0) {
    const recommended = plugin.configs.recommended.rules ?? {};
    return all.filter((name) => `hotpath/${name}` in recommended);
  }
  const names = only.flatMap((value) => value.split(',')).map((value) => value.trim().replace(/^hotpath\//, ''));
  const unknown = names.find((name) => !all.includes(name));
  if (unknown !== undefined) throw new UsageError(`unknown rule "${unknown}"; rules: ${all.join(', ')}`);
  return [...new Set(names)].sort();
}

/** A tsconfig.json at the root of the first scanned path, or in the working directory. */
function findTsconfig(cwd: string, paths: string[]): string | null {
  const first = path.resolve(cwd, paths[0] ?? '.');
  const candidates = [path.join(first, 'tsconfig.json'), path.join(cwd, 'tsconfig.json')];
  return candidates.find((c) => existsSync(c)) ?? null;
}

async function createEslint(setup: LintSetup): Promise<ESLint> {
  if (setup.concurrency === 'off') return new ESLint(eslintOptions(setup));
  // Worker threads cannot receive plugin objects: each loads the same options from a module URL instead.
  if (!supportsConcurrency()) throw new UsageError(`--concurrency needs ESLint 9.34 or newer (this is ESLint ${ESLint.version})`);
  const url = new URL('./eslint-options.js', import.meta.url);
  url.searchParams.set('setup', JSON.stringify(setup));
  return ESLint.fromOptionsModule(url);
}

/**
 * Shard `index` of `count`: every `count`-th file of the sorted relative paths, starting at `index`. The
 * same files give the same shards on every machine, the shards together are all files, each once.
 */
export function shardOf(files: string[], { index, count }: { index: number; count: number }, cwd: string): string[] {
  const sorted = files.map((file) => ({ file, key: path.relative(cwd, file).split(path.sep).join('/') }));
  sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sorted.filter((_, i) => i % count === index - 1).map((f) => f.file);
}

/** The listed files ESLint does not ignore; each path given must keep one, as ESLint's own CLI insists. */
async function keepLinted(listed: string[], cwd: string, paths: string[], eslint: ESLint): Promise<string[]> {
  const kept: string[] = [];
  for (const file of listed) if (!(await eslint.isPathIgnored(file))) kept.push(file);
  for (const p of paths) {
    const root = path.resolve(cwd, p);
    const inside = (file: string) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    if (!kept.some(inside)) throw new UsageError(`all files in ${p} are ignored (node_modules, build output or .gitignore)`);
  }
  return kept;
}
