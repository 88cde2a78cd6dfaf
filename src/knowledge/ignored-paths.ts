/** Build output and dependencies are never the user's code, whatever .gitignore says: no scan or codemod reads them. */
export const ALWAYS_IGNORED = [
  '**/node_modules/**',
  '**/.next/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/*.d.ts',
];
