import type { TSESLint } from '@typescript-eslint/utils';
import type { HotpathSettings } from '../settings.js';
import type { TypeServices } from './types.js';

/*
 * The types the recognizers pass each other, apart from the modules that compute them: a module that only
 * needs a shape imports it from here, so no type import runs back into a module with behaviour.
 */

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What every recognizer needs about the file being linted; rules build it once in `create` (`getFileContext`). */
export interface FileContext {
  context: RuleContext;
  settings: HotpathSettings;
  hints: OriginHints;
  /** Present only in typed linting. */
  types: TypeServices | undefined;
}

/**
 * Where a value comes from, as an access path from a package export: `drizzle(pool)` imported from
 * `drizzle-orm/node-postgres` is `{ package: 'drizzle-orm', path: ['drizzle', '()'] }`, and `t.procedure`
 * after `const t = initTRPC.create()` is `['initTRPC', 'create', '()', 'procedure']`. `originOf` computes it.
 *
 * Path steps: a property name, `()` for a call, `new` for a construction, `cb<N>` for the N-th parameter of
 * a callback passed to the call before it (`db.transaction(async (tx) => …)` gives `tx` the path
 * `[…db, 'transaction', 'cb0']`), and `type` first when the value is only known through a type annotation.
 */
export interface Origin {
  package: string;
  path: string[];
}

/** What settings add: modules whose exports, and identifiers whose values, are known to be of a package. */
export interface OriginHints {
  modules: ReadonlyMap<string, Origin>;
  names: ReadonlyMap<string, Origin>;
}
