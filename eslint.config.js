import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'fixtures/', 'test/fixtures/', 'test/corpus/apps/', 'codemods/*/__testfixtures__/', 'coverage/', '.cache/'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['rules/*.ts', 'src/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      // createRule() builds every URL; test/meta.test.ts checks it against docs/rules/.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/meta-property-ordering': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
    },
  },
  {
    // State that outlives one file must be a deliberate process-wide cache (keyed by path and mtime, plain data):
    // rules keep theirs inside create(), and src/ says why where it keeps one.
    files: ['rules/*.ts', 'src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program > VariableDeclaration[kind="let"]', message: 'Module state outlives the file: keep it inside create(), or in a cache keyed by path and mtime.' },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
