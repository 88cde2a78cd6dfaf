import type { TSESLint } from '@typescript-eslint/utils';
import type { HotpathDocs } from '../src/create-rule.js';
import clientBundleBudget from './client-bundle-budget.js';
import noNPlusOne from './no-n-plus-one.js';
import noOffsetPagination from './no-offset-pagination.js';
import noUnbatchedRedis from './no-unbatched-redis.js';
import preferTypeImports from './prefer-type-imports.js';
import requireIndex from './require-index.js';

/** Every rule of the plugin, by name, in alphabetical order; a test checks it against the files on disk. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HotpathDocs>> = {
  'client-bundle-budget': clientBundleBudget,
  'no-n-plus-one': noNPlusOne,
  'no-offset-pagination': noOffsetPagination,
  'no-unbatched-redis': noUnbatchedRedis,
  'prefer-type-imports': preferTypeImports,
  'require-index': requireIndex,
};
