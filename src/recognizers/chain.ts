import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

/** One `.name` or `.name(…)` step of a method chain. */
export interface ChainSegment {
  name: string;
  member: TSESTree.MemberExpression;
  /** The call when the step is `.name(…)`, `null` for a plain property access. */
  call: TSESTree.CallExpression | null;
}

/**
 * `db.query.users.findMany({…})` as its base `db` and the steps `query`, `users`, `findMany(…)`.
 * Non-null assertions and optional chaining are looked through; a computed step (`a[b]`) ends the chain.
 */
export function flattenChain(node: TSESTree.Expression): { base: TSESTree.Expression; segments: ChainSegment[] } {
  const segments: ChainSegment[] = [];
  let current: TSESTree.Expression = node;
  for (;;) {
    if (current.type === T.TSNonNullExpression || current.type === T.ChainExpression) {
      current = current.expression;
      continue;
    }
    const call = current.type === T.CallExpression ? current : null;
    const member = call ? call.callee : current;
    if (member.type !== T.MemberExpression) break;
    const name = memberName(member);
    if (name === null) break;
    segments.unshift({ name, member, call });
    current = member.object;
  }
  return { base: current, segments };
}

/** The property name of `a.b` or `a['b']`; `null` for a computed key. */
export function memberName(node: TSESTree.MemberExpression): string | null {
  return keyName(node.property, node.computed);
}

/** The name a key spells: `b` in `{ b: 1 }`, `'b'` in `{ 'b': 1 }` or `export { x as 'b' }`; `null` if computed. */
export function keyName(key: TSESTree.Node, computed = false): string | null {
  if (!computed && key.type === T.Identifier) return key.name;
  return key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : null;
}

/** Source text on one line, without spaces, for messages: `ctx.db` however the chain was laid out. */
export function compactText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** What an import binds: the imported name, `default`, or `*` for a namespace. */
export function importedName(spec: TSESTree.ImportClause): string {
  if (spec.type === T.ImportDefaultSpecifier) return 'default';
  if (spec.type === T.ImportNamespaceSpecifier) return '*';
  return keyName(spec.imported) ?? '';
}
