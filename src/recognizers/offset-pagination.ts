import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { flattenChain, keyName } from './chain.js';
import { isDrizzleSelectBuilder, type DrizzleQuery } from './drizzle-query.js';
import type { FileContext } from './analysis-types.js';
import { walk } from './walk.js';

/** Where an executed query skips rows by count. */
export interface OffsetPagination {
  kind: 'offset' | 'find-many' | 'sql';
  /** What to point at: the `.offset` property, the `offset:` option, or the SQL template. */
  node: TSESTree.Node;
  /** The skipped-rows expression (`(input.page - 1) * 20`), when there is one. */
  value: TSESTree.Node | null;
  /** For SQL, the source index of the `OFFSET` keyword. */
  index?: number;
}

const SQL_OFFSET = /\boffset\s*$/i;

/**
 * The offset pagination of an executed Drizzle query: `.offset(n)` on a select chain, `offset` in the
 * options of `db.query.<t>.findMany()`, or `OFFSET ${n}` in a `sql` template the query executes.
 *
 * Not offset pagination: `.offset(0)` and offsets that are constant 0, and a query that already pages with
 * a cursor (its conditions read something named `cursor`), where an offset is a defensive leftover.
 */
export function findOffsetPagination(query: DrizzleQuery, file: FileContext): OffsetPagination | null {
  if (query.arguments.some((arg) => mentionsCursor(arg))) return null;
  if (query.operation === 'select') {
    const offset = flattenChain(query.node).segments.find((s) => s.name === 'offset' && s.call);
    const value = offset?.call?.arguments[0];
    return offset && value && !isZero(value, file) ? { kind: 'offset', node: offset.member.property, value } : null;
  }
  if (query.operation === 'query' && query.node.arguments[0]?.type === T.ObjectExpression) {
    for (const prop of query.node.arguments[0].properties) {
      if (prop.type === T.Property && keyName(prop.key, prop.computed) === 'offset' && !isZero(prop.value, file)) {
        return { kind: 'find-many', node: prop, value: prop.value };
      }
    }
    return null;
  }
  if (query.operation === 'execute') {
    for (const arg of query.node.arguments) {
      const found = sqlOffset(arg, file);
      if (found) return found;
    }
  }
  return null;
}

/** An offset-paged builder kept in a variable, at the chain that pages it. */
export interface BuilderOffset {
  offset: OffsetPagination;
  /** The variable's name, for messages. */
  builder: string;
  /** `q = db.select()…`: where the builder is made. */
  declarator: TSESTree.VariableDeclarator;
}

/**
 * `.offset(n)` on a Drizzle select builder held in a variable (`const q = db.select().from(t).$dynamic();
 * … q.limit(20).offset(k)`), at the outermost call of that chain.
 */
export function findBuilderOffset(node: TSESTree.CallExpression, file: FileContext): BuilderOffset | null {
  const parent = node.parent;
  if (parent?.type === T.MemberExpression && parent.object === node) return null;
  const chain = flattenChain(node);
  const offset = chain.segments.find((s) => s.name === 'offset' && s.call);
  const value = offset?.call?.arguments[0];
  if (!offset || !value || chain.base.type !== T.Identifier || isZero(value, file)) return null;
  if (chain.segments.some((s) => s.call?.arguments.some((arg) => mentionsCursor(arg)))) return null;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(chain.base), chain.base);
  const def = variable?.defs[0];
  const declarator = def?.node.type === T.VariableDeclarator && def.node.id === def.name ? def.node : null;
  if (!declarator?.init || !isDrizzleSelectBuilder(declarator.init, file)) return null;
  return { offset: { kind: 'offset', node: offset.member.property, value }, builder: chain.base.name, declarator };
}

// sql`… OFFSET ${n}`, in the template the query executes.
function sqlOffset(arg: TSESTree.Node, file: FileContext): OffsetPagination | null {
  if (arg.type !== T.TaggedTemplateExpression) return null;
  const { quasis, expressions } = arg.quasi;
  for (const [i, quasi] of quasis.entries()) {
    const match = SQL_OFFSET.exec(quasi.value.raw);
    const value = expressions[i];
    if (match && value && !isZero(value, file)) {
      return { kind: 'sql', node: arg, value, index: quasi.range[0] + 1 + match.index };
    }
  }
  return null;
}

function isZero(node: TSESTree.Node, file: FileContext): boolean {
  if (node.type === T.Literal) return node.value === 0;
  if (node.type !== T.Identifier) return false;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  return (
    def?.node.type === T.VariableDeclarator &&
    def.node.parent.kind === 'const' &&
    def.node.init?.type === T.Literal &&
    def.node.init.value === 0
  );
}

function mentionsCursor(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && /cursor/i.test(n.name)) found = true;
    return !found;
  });
  return found;
}

/** Input fields that page by count: `page`, `offset`, `skip` (and `pageNumber`, `pageIndex`). */
const PAGE_FIELD = /^(page|pageNumber|pageIndex|offset|skip)$/;

/**
 * The page/offset/skip number fields of a tRPC input schema: `z.object({ page: z.number() })`, also with
 * `.int()`, `.min()`, `.default()`, `.optional()` and `z.coerce.number()`.
 */
export function findPageInputs(input: TSESTree.Expression): TSESTree.Property[] {
  let object: TSESTree.Node = input;
  // z.object({…}).strict() and the like: the object call is the base of the chain.
  while (object.type === T.CallExpression && object.callee.type === T.MemberExpression && object.arguments[0]?.type !== T.ObjectExpression) {
    object = object.callee.object;
  }
  const shape = object.type === T.CallExpression ? object.arguments[0] : undefined;
  if (shape?.type !== T.ObjectExpression) return [];
  return shape.properties.filter(
    (p): p is TSESTree.Property =>
      p.type === T.Property && PAGE_FIELD.test(keyName(p.key, p.computed) ?? '') && isNumberSchema(p.value),
  );
}

function isNumberSchema(node: TSESTree.Node): boolean {
  return node.type === T.CallExpression && flattenChain(node).segments.some((s) => s.name === 'number' && s.call);
}
