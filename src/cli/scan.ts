import { existsSync } from 'node:fs';
import path from 'node:path';
import { includeIgnoreFile } from '@eslint/compat';
import { ESLint, type Linter } from 'eslint';
import plugin from '../index.js';
import { ALWAYS_IGNORED, listSourceFiles } from './files.js';
import { UsageError } from './usage-error.js';

export interface ScanOptions {
  cwd: string;
  paths: string[];
  /** `false` forces untyped linting even when a tsconfig.json is found. */
  types: boolean;
  /** Run only this rule (name without the `hotpath/` prefix). */
  rule?: string;
  /** Called with (done, total) while files are linted in chunks. */
  onProgress?: (done: number, total: number) => void;
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
  const rules = selectRules(options.rule);
  const tsconfig = options.types ? findTsconfig(options.cwd, options.paths) : null;
  const typedLint = tsconfig ? createEslint(options.cwd, rules, path.dirname(tsconfig)) : null;
  const untypedLint = createEslint(options.cwd, rules, null);
  const lint = typedLint ?? untypedLint;

  const files = await listFiles(options.cwd, options.paths, lint);
  const results: ESLint.LintResult[] = [];
  for (let i = 0; i < files.length; i += CHUNK) {
    const chunk = files.slice(i, i + CHUNK);
    const linted = await lint.lintFiles(chunk);
    const outside = linted.filter((r) => typedLint && r.messages.some((m) => m.fatal && NOT_IN_PROJECT.test(m.message)));
    const retried = outside.length ? await untypedLint.lintFiles(outside.map((r) => r.filePath)) : [];
    results.push(...linted.filter((r) => !outside.includes(r)), ...retried);
    options.onProgress?.(Math.min(i + CHUNK, files.length), files.length);
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

function selectRules(only: string | undefined): string[] {
  const all = Object.keys(plugin.rules);
  if (only === undefined) {
    const recommended = plugin.configs.recommended.rules ?? {};
    return all.filter((name) => `hotpath/${name}` in recommended);
  }
  const name = only.replace(/^hotpath\//, '');
  if (!all.includes(name)) throw new UsageError(`unknown rule "${only}"; rules: ${all.join(', ')}`);
  return [name];
}

/** A tsconfig.json at the root of the first scanned path, or in the working directory. */
function findTsconfig(cwd: string, paths: string[]): string | null {
  const first = path.resolve(cwd, paths[0] ?? '.');
  const candidates = [path.join(first, 'tsconfig.json'), path.join(cwd, 'tsconfig.json')];
  return candidates.find((c) => existsSync(c)) ?? null;
}

// A scan runs once, not on every keystroke: measurements not cached yet are waited for.
const ONE_SHOT_OPTIONS: Record<string, unknown[]> = { 'client-bundle-budget': [{ coldTimeoutMs: 0 }] };

function createEslint(cwd: string, rules: string[], tsconfigRootDir: string | null): ESLint {
  const base = tsconfigRootDir ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended;
  const gitignore = path.join(cwd, '.gitignore');
  const config: Linter.Config[] = [
    { ignores: ALWAYS_IGNORED },
    ...(existsSync(gitignore) ? [includeIgnoreFile(gitignore) as Linter.Config] : []),
    {
      ...(base as Linter.Config),
      languageOptions: {
        ...(base.languageOptions as Linter.Config['languageOptions']),
        parserOptions: tsconfigRootDir ? { projectService: true, tsconfigRootDir } : { ecmaFeatures: { jsx: true } },
      },
      rules: Object.fromEntries(rules.map((name) => [`hotpath/${name}`, ['error', ...(ONE_SHOT_OPTIONS[name] ?? [])]])),
    },
  ];
  config.push({ linterOptions: { reportUnusedDisableDirectives: 'off' } });
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
}

async function listFiles(cwd: string, paths: string[], eslint: ESLint): Promise<string[]> {
  const kept: string[] = [];
  for (const file of await listSourceFiles(cwd, paths)) if (!(await eslint.isPathIgnored(file))) kept.push(file);
  return kept;
}
