// The plugin object and its flat configs, computed from each rule's meta.docs: nobody edits a list of rule names
// here. It lives here rather than in index.ts because index.ts also exports it under the name "module.exports",
// a syntax TypeScript before 5.6 cannot read: package.json sends those versions to this file's declarations.
import { readFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules/index.js';
import type { HotpathDocs } from './create-rule.js';

export type ConfigName = 'recommended' | 'recommended-type-checked' | 'all' | 'disable-type-checked';

/**
 * The flat configs, typed with ESLint's own `Linter.Config` so that `defineConfig`, `extends` and
 * `Linter.Config[]` take them as they are. The three that enable rules bring the parser, so that
 * `[hotpath.configs.recommended]` works on its own.
 */
export type HotpathConfigs = Record<ConfigName, Linter.Config>;

type RuleDefinition = NonNullable<ESLint.Plugin['rules']>[string];
/** A rule as ESLint's types describe it, with the docs that every hotpath rule has. */
export type HotpathRule = RuleDefinition & { meta: { docs: HotpathDocs & { description: string; url: string } } };

/**
 * The plugin object, typed with ESLint's own types (as `@eslint/js`, unicorn and typescript-eslint are), so that
 * `plugins: { hotpath }`, `defineConfig`, `extends` and `Linter.Config[]` accept it and its configs under
 * `strict` with whichever ESLint 9 or 10 the user has.
 */
export interface HotpathPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<string, HotpathRule>;
  configs: HotpathConfigs;
}

// package.json sits two folders up in dist/ and one up in the sources that tests run.
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-hotpath' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

const plugin: HotpathPlugin = {
  meta: { name: 'eslint-plugin-hotpath', version: packageVersion() },
  // The same objects: typescript-eslint's RuleModule type describes ESLint rules in its own terms, which
  // ESLint's types do not accept (nor its `readonly` options), so they are declared here in ESLint's.
  rules: rules as Record<string, unknown> as Record<string, HotpathRule>,
  configs: {} as HotpathConfigs,
};

const pick = (include: (docs: HotpathDocs | undefined) => boolean, severity: 'error' | 'off' = 'error'): Linter.RulesRecord =>
  Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => include(rule.meta.docs))
      .map(([name]) => [`hotpath/${name}`, severity]),
  );

const base = (name: ConfigName, typed: boolean): Linter.Config => ({
  name: `hotpath/${name}`,
  files: FILES,
  plugins: { hotpath: plugin },
  languageOptions: {
    // typescript-eslint's parser is an ESLint parser; its own types only describe it in other terms.
    parser: tsParser as Linter.Parser,
    sourceType: 'module',
    parserOptions: typed ? { projectService: true } : {},
  },
});

plugin.configs = {
  recommended: {
    ...base('recommended', false),
    rules: pick((docs) => Boolean(docs?.recommended && !docs.requiresTypeChecking)),
  },
  'recommended-type-checked': {
    ...base('recommended-type-checked', true),
    rules: pick((docs) => Boolean(docs?.recommended)),
  },
  all: { ...base('all', false), rules: pick(() => true) },
  // typescript-eslint's `disableTypeChecked`, for files that no tsconfig includes (eslint.config.js, scripts/):
  // no `files`, so that it takes those of the object that extends or spreads it. It turns type information
  // off, and with it the rules that cannot work without; the others go on untyped.
  'disable-type-checked': {
    name: 'hotpath/disable-type-checked',
    plugins: { hotpath: plugin },
    languageOptions: { parserOptions: { project: false, program: null, projectService: false } },
    rules: pick((docs) => Boolean(docs?.requiresTypeChecking), 'off'),
  },
};

export default plugin;
export type { HotpathSettingsInput } from './settings.js';
