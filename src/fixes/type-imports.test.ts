import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { dedent } from '../../test/support/harness.js';
import { fixTypeExports, fixTypeImports, removeKeepingComments, type FixStyle } from './type-imports.js';

/** Marks the bindings named in its options as types, declaration by declaration, with the fixers under test. */
const markTypes: TSESLint.RuleModule<'types', [string[], FixStyle]> = {
  defaultOptions: [[], 'inline-type-imports'],
  meta: {
    type: 'suggestion',
    fixable: 'code',
    schema: [{ type: 'array', items: { type: 'string' } }, { type: 'string', enum: ['inline-type-imports', 'separate-type-imports'] }],
    messages: { types: 'types' },
  },
  create(context) {
    const [names, style] = context.options;
    const { sourceCode } = context;
    const marked = <S extends TSESTree.ImportClause | TSESTree.ExportSpecifier>(specifiers: S[]) =>
      new Set(specifiers.filter((s) => s.local.type === T.Identifier && names.includes(s.local.name) && !('importKind' in s && s.importKind === 'type')));
    return {
      ImportDeclaration(node) {
        const types = marked(node.specifiers);
        if (node.importKind === 'type' || types.size === 0) return;
        context.report({ node, messageId: 'types', fix: (fixer) => fixTypeImports(fixer, sourceCode, node, types, style) });
      },
      ExportNamedDeclaration(node) {
        const types = marked(node.specifiers.filter((s) => s.exportKind !== 'type'));
        if (node.exportKind === 'type' || types.size === 0) return;
        context.report({ node, messageId: 'types', fix: (fixer) => fixTypeExports(fixer, sourceCode, node, types, style) });
      },
    };
  },
};

/** The file after the fixes; the output must parse, and be left alone by a second run. */
function fix(code: string, names: string[], style: FixStyle = 'inline-type-imports'): string {
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      plugins: { test: { rules: { 'mark-types': markTypes as never } } },
      languageOptions: { parser: tsParser as never },
      rules: { 'test/mark-types': ['error', names, style] },
    },
  ];
  const first = linter.verifyAndFix(code, config, 'file.ts');
  expect(first.messages).toEqual([]);
  expect(linter.verifyAndFix(first.output, config, 'file.ts').output).toBe(first.output);
  return first.output;
}

describe('fixTypeImports', () => {
  it('makes a declaration of types only one `import type`, dropping inline `type` modifiers', () => {
    expect(fix('import { User, type UserId } from "./models";', ['User'])).toBe('import type { User, UserId } from "./models";');
  });

  it('merges them into an `import type { … }` of the same module, leaving no second declaration', () => {
    const code = dedent`
      import type { Role } from "./models";
      import { User, UserId } from "./models";
    `;
    expect(fix(code, ['User', 'UserId'])).toBe('import type { Role, User, UserId } from "./models";\n');
  });

  it('never leaves `import { type A }` for a declaration of types only, in either style', () => {
    for (const style of ['inline-type-imports', 'separate-type-imports'] as const) {
      expect(fix('import { User } from "./models";', ['User'], style)).toBe('import type { User } from "./models";');
    }
  });

  it('marks the named types of a mixed declaration inline, in the inline style', () => {
    expect(fix('import { User, format, UserId as Id } from "./models";', ['User', 'Id'])).toBe(
      'import { type User, format, type UserId as Id } from "./models";',
    );
  });

  it('moves them to an `import type` before it, in the separate style, or into an existing one', () => {
    expect(fix('import { User, format, UserId } from "./models";', ['User', 'UserId'], 'separate-type-imports')).toBe(
      'import type { User, UserId } from "./models";\nimport { format } from "./models";',
    );
    const merged = 'import type { Role } from "./models";\nimport { User, format } from "./models";';
    expect(fix(merged, ['User'], 'separate-type-imports')).toBe('import type { Role, User } from "./models";\nimport { format } from "./models";');
  });

  it('gives a type-only default or namespace import a declaration of its own', () => {
    expect(fix('import Service, { format } from "./models";', ['Service'])).toBe(
      'import type Service from "./models";\nimport { format } from "./models";',
    );
    expect(fix('import Service, * as models from "./models";', ['models'])).toBe(
      'import type * as models from "./models";\nimport Service from "./models";',
    );
  });

  it('keeps the first binding in `import type` when every binding of `import A, { B }` is a type', () => {
    expect(fix('import Service, { User } from "./models";', ['Service', 'User'])).toBe(
      'import type { User } from "./models";\nimport type Service from "./models";',
    );
  });

  it('keeps the comments of what it moves or removes', () => {
    expect(fix('import { User /* the row */, format } from "./models";', ['User'], 'separate-type-imports')).toBe(
      'import type { User } from "./models";\nimport { /* the row */ format } from "./models";',
    );
  });
});

describe('fixTypeExports', () => {
  it('makes an `export { … }` of types only `export type { … }`', () => {
    expect(fix('export { User, UserId } from "./models";', ['User', 'UserId'])).toBe('export type { User, UserId } from "./models";');
  });

  it('marks types inline in a mixed export, or moves them to an `export type` after it', () => {
    const code = 'export { User, format } from "./models";';
    expect(fix(code, ['User'])).toBe('export { type User, format } from "./models";');
    expect(fix(code, ['User'], 'separate-type-imports')).toBe('export { format } from "./models";\nexport type { User } from "./models";');
  });
});

describe('removeKeepingComments', () => {
  const removeImports: TSESLint.RuleModule<'gone', []> = {
    defaultOptions: [],
    meta: { type: 'suggestion', fixable: 'code', schema: [], messages: { gone: 'gone' } },
    create: (context) => ({
      ImportDeclaration: (node) => context.report({ node, messageId: 'gone', fix: (fixer) => removeKeepingComments(fixer, context.sourceCode, node) }),
    }),
  };
  const remove = (code: string) =>
    new Linter().verifyAndFix(
      code,
      [{ files: ['**/*.ts'], plugins: { test: { rules: { remove: removeImports as never } } }, languageOptions: { parser: tsParser as never }, rules: { 'test/remove': 'error' } }],
      'file.ts',
    ).output;

  it('takes the line break with the declaration, and leaves its comments where it was', () => {
    expect(remove('import { a } from "a";\nexport const x = 1;')).toBe('export const x = 1;');
    expect(remove('import { /* why */ a } from "a";\nexport const x = 1;')).toBe('/* why */\nexport const x = 1;');
  });
});
