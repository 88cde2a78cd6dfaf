// Computed from each rule's meta.docs: nobody edits a list of rule names here.
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import type { HotpathDocs } from './create-rule.js';

type Rules = Record<string, TSESLint.RuleModule<string, readonly unknown[], HotpathDocs>>;
export type ConfigName = 'recommended' | 'recommended-type-checked' | 'all';

const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/** The flat configs; each brings the parser so that `[hotpath.configs.recommended]` works on its own. */
export function buildConfigs(plugin: object, rules: Rules): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const pick = (include: (docs: HotpathDocs | undefined) => boolean): TSESLint.FlatConfig.Rules =>
    Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => include(rule.meta.docs))
        .map(([name]) => [`hotpath/${name}`, 'error' as const]),
    );
  const base = (name: ConfigName, typed: boolean): TSESLint.FlatConfig.Config => ({
    name: `hotpath/${name}`,
    files: FILES,
    plugins: { hotpath: plugin as TSESLint.FlatConfig.Plugin },
    languageOptions: {
      parser: tsParser as TSESLint.FlatConfig.Parser,
      sourceType: 'module',
      parserOptions: typed ? { projectService: true } : {},
    },
  });
  return {
    recommended: {
      ...base('recommended', false),
      rules: pick((docs) => Boolean(docs?.recommended && !docs.requiresTypeChecking)),
    },
    'recommended-type-checked': {
      ...base('recommended-type-checked', true),
      rules: pick((docs) => Boolean(docs?.recommended)),
    },
    all: { ...base('all', false), rules: pick(() => true) },
  };
}
