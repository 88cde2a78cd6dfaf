import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { compactText, flattenChain, importedName, keyName } from './chain.js';

/** The expression of a one-statement program. */
const expression = (code: string) => (parse(code).body[0] as TSESTree.ExpressionStatement).expression;

/** `base | step step(…)` as flattenChain reads the chain. */
function chainOf(code: string): string {
  const { base, segments } = flattenChain(expression(code));
  const baseText = base.type === T.Identifier ? base.name : base.type;
  return `${baseText} | ${segments.map((s) => (s.call ? `${s.name}()` : s.name)).join(' ')}`;
}

describe('flattenChain', () => {
  it.for([
    ['a relational query', 'db.query.users.findMany({ limit: 1 })', 'db | query users findMany()'],
    ['a builder chain', 'ctx.db.select().from(posts).where(eq(posts.id, 1))', 'ctx | db select() from() where()'],
    ['non-null assertions and optional calls, looked through', 'db.query.users!.findFirst?.()', 'db | query users findFirst()'],
    ["a string key (`a['b']`)", "db['query'].users.findMany()", 'db | query users findMany()'],
    ['a computed step ends the chain', 'schema[name].findMany()', 'MemberExpression | findMany()'],
    ['a call at the base', 'getDb().select().from(users)', 'CallExpression | select() from()'],
  ] as const)('%s', ([, code, expected]) => {
    expect(chainOf(code)).toBe(expected);
  });
});

describe('keyName, importedName, compactText', () => {
  it('spell the name a key, an import or a chain is written with', () => {
    const object = expression('({ plain: 1, "quoted": 2, 3: 3, [computed]: 4 })') as TSESTree.ObjectExpression;
    const keys = object.properties.map((p) => (p.type === T.Property ? keyName(p.key, p.computed) : null));
    expect(keys).toEqual(['plain', 'quoted', '3', null]);

    const imports = parse('import a, { b, c as d, "e-f" as g } from "m";\nimport * as ns from "m";').body as TSESTree.ImportDeclaration[];
    expect(imports.flatMap((i) => i.specifiers.map(importedName))).toEqual(['default', 'b', 'c', 'e-f', '*']);

    expect(compactText('ctx\n  .db\n  .select()')).toBe('ctx.db.select()');
  });
});
