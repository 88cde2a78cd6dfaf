import { existsSync } from 'node:fs';
import path from 'node:path';
import { includeIgnoreFile } from '@eslint/compat';
import { ESLint, type Linter } from 'eslint';
import plugin from '../index.js';
import { ALWAYS_IGNORED } from '../knowledge/ignored-paths.js';
import type { ConfigOverride } from '../user-config.js';

/** What a scan lints with: plain data, so that ESLint's worker threads can rebuild the same options. */
export interface LintSetup {
  cwd: string;
  rules: string[];
  /** The folder of the tsconfig.json of a typed run; `null` lints without types. */
  tsconfigRootDir: string | null;
  /** ESLint's result cache file, or `null` for none. */
  cacheLocation: string | null;
  concurrency: 'off' | 'auto' | number;
  /** The settings and "warn" severities of the user's ESLint config, by group of files. */
  overrides?: ConfigOverride[];
}

// A scan runs once, not on every keystroke: measurements not cached yet are waited for.
const ONE_SHOT_OPTIONS: Record<string, unknown[]> = { 'client-bundle-budget': [{ coldTimeoutMs: 0 }] };

/**
 * The ESLint options of a scan: the recommended config (typed or not) with only `rules` on, and the user's
 * `settings.hotpath` (and rules set to "warn") where their ESLint config has them.
 */
export function eslintOptions(setup: LintSetup): ESLint.Options {
  const { cwd, rules, tsconfigRootDir } = setup;
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
    ...(setup.overrides ?? []).map(
      ({ files, hotpath, warn }): Linter.Config => ({
        ...(files ? { files } : {}),
        ...(hotpath ? { settings: { hotpath } } : {}),
        // A severity alone keeps the options set above.
        rules: Object.fromEntries(warn.filter((name) => rules.includes(name)).map((name) => [`hotpath/${name}`, 'warn'])),
      }),
    ),
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  return {
    cwd,
    overrideConfigFile: true,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
    // ESLint before 9.34 rejects options it does not know, `concurrency` among them: pass it only to run threads.
    ...(setup.concurrency === 'off' ? {} : { concurrency: setup.concurrency }),
    // Content, not modification times: a CI checkout gives every file a new mtime.
    ...(setup.cacheLocation ? { cache: true, cacheLocation: setup.cacheLocation, cacheStrategy: 'content' as const } : {}),
  };
}

/** ESLint's multithread linting (the `concurrency` option, `ESLint.fromOptionsModule`) came in 9.34. */
export function supportsConcurrency(version: string = ESLint.version): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 9 || (major === 9 && minor >= 34);
}

/**
 * Loaded as an ESLint options module (`ESLint.fromOptionsModule`) by the scan and by each of ESLint's worker
 * threads, with the setup in the URL's `setup` parameter: plugin objects cannot be sent to a thread, a URL can.
 */
const setup = new URL(import.meta.url).searchParams.get('setup');
export default setup ? eslintOptions(JSON.parse(setup) as LintSetup) : undefined;
