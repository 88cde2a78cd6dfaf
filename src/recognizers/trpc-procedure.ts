import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { flattenChain, keyName, memberName } from './chain.js';
import type { FileContext } from './analysis-types.js';
import { isProcedureBuilder } from './libraries.js';
import { originOf } from './origin.js';
import { isTypeFromPackage } from './types.js';

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface TrpcProcedure {
  /** The `.query(…)` / `.mutation(…)` / `.subscription(…)` call. */
  node: TSESTree.CallExpression;
  type: ProcedureType;
  /** The resolver function, or `null` when it is defined elsewhere (`.query(listPosts)`). */
  resolver: TSESTree.FunctionLike | null;
  /** The argument of the last `.input(…)` of the builder chain. */
  input: TSESTree.Expression | null;
  /** The key of the procedure in its router object (`list`), prefixed by the router's variable when known. */
  name: string | null;
}

const PROCEDURE_TYPES: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);

/**
 * Recognizes `<builder>.query(resolver)` (and `.mutation`, `.subscription`) where the builder is a tRPC
 * procedure builder: `t.procedure` of an `initTRPC…create()` instance, or a builder derived from it with
 * `.use()`, `.input()`, `.output()`, `.meta()`, also when imported from a project module
 * (`publicProcedure` from `../trpc`) or named in settings; typed, its type must come from @trpc/server.
 *
 * Not procedures: React Query's `useQuery`, `db.query`, `.query()` of other builders (knex, GraphQL clients).
 */
export function recognizeTrpcProcedure(node: TSESTree.CallExpression, file: FileContext): TrpcProcedure | null {
  const callee = node.callee;
  if (callee.type !== T.MemberExpression) return null;
  const type = memberName(callee);
  if (!type || !PROCEDURE_TYPES.has(type)) return null;
  const builder = callee.object;
  if (!isBuilder(builder, file)) return null;
  const resolver = node.arguments[0];
  const inputs = flattenChain(builder).segments.filter((s) => s.name === 'input' && s.call);
  const input = inputs.at(-1)?.call?.arguments[0];
  return {
    node,
    type: type as ProcedureType,
    resolver: resolver && ASTUtils.isFunction(resolver) ? resolver : null,
    input: input && input.type !== T.SpreadElement ? input : null,
    name: procedureName(node),
  };
}

// Traced to `initTRPC` itself: certain, and much cheaper than asking the checker about tRPC's types.
function isBuilder(builder: TSESTree.Expression, file: FileContext): boolean {
  if (isProcedureBuilder(originOf(builder, file))) return true;
  return Boolean(file.types && isTypeFromPackage(file.types, builder, ['@trpc/server']));
}

/** The procedure whose resolver contains `node`, if any. */
export function findEnclosingProcedure(node: TSESTree.Node, file: FileContext): TrpcProcedure | null {
  for (let current = node.parent; current; current = current.parent) {
    if (!ASTUtils.isFunction(current)) continue;
    const call = current.parent;
    if (call?.type === T.CallExpression && call.arguments[0] === current) {
      const procedure = recognizeTrpcProcedure(call, file);
      if (procedure) return procedure;
    }
  }
  return null;
}

function procedureName(call: TSESTree.CallExpression): string | null {
  const property = call.parent;
  if (property?.type !== T.Property || property.value !== call) return null;
  const key = keyName(property.key, property.computed);
  if (key === null) return null;
  const router = property.parent.parent;
  const declarator = router?.type === T.CallExpression ? router.parent : null;
  return declarator?.type === T.VariableDeclarator && declarator.id.type === T.Identifier
    ? `${declarator.id.name}.${key}`
    : key;
}
