import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { ColumnInfo } from '../../src/recognizers/drizzle-schema.js';
import { keyName } from '../../src/recognizers/chain.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { findEnclosingProcedure } from '../../src/recognizers/trpc-procedure.js';
import { replaceNode, type Edit } from './edits.js';
import type { OrderTerm } from './keyset.js';
import { cursorSchema, pageField, rewritePaged } from './procedure-context.js';
import type { QueryForm } from './query-form.js';

const TS_TYPE: Record<ColumnInfo['type'], string> = { number: 'number', string: 'string', date: 'Date', boolean: 'boolean' };

/** A helper that pages by a number it is handed, and the procedures that hand it their page input. */
export interface PageHelper {
  fn: TSESTree.FunctionLike;
  name: string;
  param: TSESTree.Identifier;
  /** Each call: the argument that passes `input.page`, and that procedure's page field. */
  calls: Array<{ argument: TSESTree.Node; field: TSESTree.Property }>;
}

/**
 * The offset is computed from a parameter of `fn` (`listPosts(db, page)`), and `fn` is a module-private
 * helper whose every call is a tRPC resolver's result, handed that resolver's page input (`input.page`).
 * Then the page moves to a cursor through the helper: the procedures take `cursor`, the helper takes it in
 * place of the page and returns `{ items, nextCursor }`. A reason when the helper is shared, or when its
 * page number is read for anything but the offset.
 */
export function findPageHelper(offset: TSESTree.Node, fn: TSESTree.FunctionLike, file: FileContext): PageHelper | string | null {
  const scope = file.context.sourceCode.getScope(offset);
  const param = fn.params.find((p): p is TSESTree.Identifier => p.type === T.Identifier && readsName(offset, p.name, scope));
  if (!param) return null;
  const binding = helperBinding(fn);
  if (!binding) return null;
  const name = binding.name;
  if (binding.exported) return `\`${name}\` is exported: callers in other modules pass their page too, rewrite them with it`;
  if (ASTUtils.findVariable(file.context.sourceCode.getScope(fn.body ?? fn), 'cursor')) return `\`${name}\` already has a \`cursor\`: rename it, then run the codemod again`;
  if (fn.returnType) return `\`${name}\` declares its return type: it becomes \`{ items, nextCursor }\`, rewrite it by hand`;
  const uses = ASTUtils.findVariable(scope, param.name)?.references.filter((r) => r.identifier !== param) ?? [];
  if (uses.some((r) => !within(r.identifier, offset))) return `\`${param.name}\` is read for more than the offset: rewrite \`${name}\` by hand`;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(fn), binding.id);
  const index = fn.params.indexOf(param);
  const calls: PageHelper['calls'] = [];
  for (const ref of variable?.references ?? []) {
    if (ref.identifier === binding.id) continue;
    const call = ref.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== ref.identifier) return `\`${name}\` is passed around (line ${ref.identifier.loc.start.line}): its callers are not all known`;
    const procedure = findEnclosingProcedure(call, file);
    const resolver = procedure?.resolver;
    const returned = resolver && resolvedBy(resolver, call);
    const field = procedure?.input ? pageField(procedure.input) : null;
    const argument = call.arguments[index];
    const passes = field && argument?.type === T.MemberExpression && !argument.computed && argument.object.type === T.Identifier && argument.object.name === 'input' && keyName(argument.property) === field.name;
    if (!returned || !field || !passes) return `\`${name}\` is called at line ${call.loc.start.line} with a page that is not a tRPC resolver's own \`input.page\` result: rewrite its callers with it`;
    calls.push({ argument, field: field.node });
  }
  if (calls.length === 0) return null;
  return { fn, name, param, calls };
}

export function rewritePageHelper(helper: PageHelper, form: QueryForm, terms: OrderTerm[], source: string, total: string | null = null): Edit[] | string {
  const pageRead = new RegExp(`(?<![\\w$.])${helper.param.name}(?![\\w$])`);
  const paged = rewritePaged(helper.fn, 'cursor', form, terms, source, total ? { total, pageRead } : null);
  if (typeof paged === 'string') return paged;
  const type = `{ ${terms.map((t) => `${t.column}: ${TS_TYPE[t.info.type]}${t.nullable ? ' | null' : ''}`).join('; ')} } | null | undefined`;
  const fields = new Set<TSESTree.Property>();
  const edits: Edit[] = [replaceNode(helper.param, `cursor: ${type}`), ...paged];
  for (const call of helper.calls) {
    edits.push(replaceNode(call.argument, 'input.cursor'));
    // Two calls in one procedure share its input field: it is rewritten once.
    if (!fields.has(call.field)) edits.push(replaceNode(call.field, `cursor: ${cursorSchema(terms)}`));
    fields.add(call.field);
  }
  return edits;
}

/** The helper's name: `function listPosts(…)` or `const listPosts = (…) =>`, and whether it is exported. */
function helperBinding(fn: TSESTree.FunctionLike): { id: TSESTree.Identifier; name: string; exported: boolean } | null {
  if (fn.type === T.FunctionDeclaration && fn.id) return { id: fn.id, name: fn.id.name, exported: fn.parent?.type === T.ExportNamedDeclaration || fn.parent?.type === T.ExportDefaultDeclaration };
  const declarator = fn.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier || declarator.init !== fn) return null;
  return { id: declarator.id, name: declarator.id.name, exported: declarator.parent.parent?.type === T.ExportNamedDeclaration };
}

/** The call is what the resolver returns: its expression body, or `return [await] call`. */
function resolvedBy(resolver: TSESTree.FunctionLike, call: TSESTree.CallExpression): boolean {
  const parent = call.parent?.type === T.AwaitExpression ? call.parent.parent : call.parent;
  return resolver.body === call || (parent?.type === T.ReturnStatement && enclosing(parent) === resolver);
}

function enclosing(node: TSESTree.Node): TSESTree.Node | null {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) return n;
  }
  return null;
}

function within(node: TSESTree.Node, root: TSESTree.Node): boolean {
  return node.range[0] >= root.range[0] && node.range[1] <= root.range[1];
}

function readsName(node: TSESTree.Node, name: string, scope: ReturnType<FileContext['context']['sourceCode']['getScope']>): boolean {
  const variable = ASTUtils.findVariable(scope, name);
  return Boolean(variable?.references.some((r) => within(r.identifier, node)));
}
