import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-hotpath/eslint-plugin-hotpath';

/** What each rule's `meta.docs` holds beyond description and URL; configs are computed from it. */
export interface HotpathDocs {
  /** In `recommended` (and so in `recommended-type-checked`). */
  recommended: boolean;
  /** Needs a TypeScript program; such a rule is only in the type-checked configs. */
  requiresTypeChecking?: boolean;
}

/** The one rule creator: every rule's docs URL points at its page in docs/rules/. */
export const createRule = ESLintUtils.RuleCreator<HotpathDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
