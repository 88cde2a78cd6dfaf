import { AsyncLocalStorage } from 'node:async_hooks';
import type { NPlusOneOptions } from '../detect/n-plus-one.js';

/** The options of the rules whose findings the codemods rewrite: they decide which sites a codemod takes. */
export interface RewrittenRuleOptions {
  'no-n-plus-one'?: NPlusOneOptions;
  'no-offset-pagination'?: { allow?: string[] };
  'no-unbatched-redis'?: Record<string, never>;
}

export type RewrittenRule = keyof RewrittenRuleOptions;

/** What the user's ESLint config says for one file: `settings.hotpath`, and each rewritten rule's options. */
export interface CodemodConfig {
  settings: Record<string, unknown>;
  options: RewrittenRuleOptions;
}

const DEFAULTS: CodemodConfig = { settings: {}, options: {} };

// The config of the run in progress, per file. Scoped to the run (not module state that outlives it), so
// that every analysis of a codemod, however deep in shared code, sees the settings the rules see.
const current = new AsyncLocalStorage<(file: string) => CodemodConfig>();

/** Runs `run` (a codemod over some files) with `configOf` answering each file's config. */
export function withCodemodConfig<T>(configOf: (file: string) => CodemodConfig, run: () => T): T {
  return current.run(configOf, run);
}

/** The user's config for `file` in the run in progress; no settings and the rules' defaults outside a run (unit tests). */
export function codemodConfig(file: string): CodemodConfig {
  return current.getStore()?.(file) ?? DEFAULTS;
}
