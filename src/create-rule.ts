import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-hotpath/eslint-plugin-hotpath';

/** What each rule's `meta.docs` holds beyond description and URL; configs are computed from it. */
export interface HotpathDocs {
  /** In `recommended` (and so in `recommended-type-checked`). */
  recommended: boolean;
  /** Needs a TypeScript program; such a rule is only in the type-checked configs. */
  requiresTypeChecking?: boolean;
  /** How to fix what it reports: the short hint the HTML report shows, and what does the fix (a codemod, `--fix`). */
  howToFix: { hint: string; fixedBy: string };
}

const withDocs = ESLintUtils.RuleCreator<HotpathDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/**
 * The one rule creator: every rule's docs URL points at its page in docs/rules/. Unlike `RuleCreator`, which
 * clones and merges the default options in every `create` (that is, for every rule and file: about 0.08 ms
 * each, as much as a rule's own work on a typical file), the merged options are computed once per distinct
 * configuration and frozen, so no rule can change them for the next file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, HotpathDocs>>,
): ReturnType<typeof withDocs<Options, MessageIds>> {
  const module = withDocs(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  return {
    ...module,
    create(context) {
      // `undefined` is kept apart from a missing key: `{ a: undefined }` overrides a default, `{}` does not.
      const key = JSON.stringify(context.options, (_, value: unknown) => (value === undefined ? UNDEFINED : value));
      let options = merged.get(key);
      if (!options) {
        // Distinct configurations are few; the bound only matters to a test run with hundreds of cases.
        if (merged.size >= 64) merged.clear();
        options = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, context.options));
        merged.set(key, options);
      }
      return rule.create(context, options);
    },
  };
}

const UNDEFINED = '\u0000undefined';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
