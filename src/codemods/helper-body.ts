import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { recognizeDrizzleQuery, type DrizzleQuery } from '../recognizers/drizzle-query.js';
import type { FileContext } from '../recognizers/analysis-types.js';
import { identifiers } from '../recognizers/per-item.js';
import { walk } from '../recognizers/walk.js';

/**
 * What a helper does to its query's result before returning it, in order: `first` takes element 0 (`const
 * [row] = await q`, `rows[0]`), `orNull` turns a missing value into `null` (`row ?? null`).
 */
export type ResultStep = 'first' | 'orNull';

export interface HelperLookup {
  query: DrizzleQuery;
  steps: ResultStep[];
  /** The index of the parameter the query's database is (`getUser(db: Database, id)`), or `null`. */
  dbParam: number | null;
}

/**
 *   return db.query.users.findFirst(…)                          → steps []
 *   const [row] = await db.select().from(t).where(…).limit(1);
 *   return row ?? null;                                          → steps ['first', 'orNull']
 * The helper's body read as one query and pure steps applied to its result: each step is then applied to
 * the key's batched value, so the call's value stays what the helper returned. A string says what else
 * the helper does, for the refusal; `null` when it runs no query of its own.
 */
export function readHelper(fn: TSESTree.FunctionLike, file: FileContext): HelperLookup | string | null {
  const body = fn.body;
  if (!body) return null;
  if (body.type !== T.BlockStatement) return withDatabase(fn, queryOf(body, file), []);
  const [first, second, ...rest] = body.body;
  if (first?.type === T.ReturnStatement && !second) return withDatabase(fn, queryOf(first.argument, file), []);
  const declarator = first?.type === T.VariableDeclaration && first.declarations.length === 1 ? first.declarations[0]! : null;
  const query = declarator?.init?.type === T.AwaitExpression ? queryOf(declarator.init, file) : null;
  if (!query) return beyondLookup(fn, body, file);
  const id = declarator!.id;
  const destructured = id.type === T.ArrayPattern && id.elements.length === 1 && id.elements[0]?.type === T.Identifier ? id.elements[0] : null;
  const name = id.type === T.Identifier ? id : destructured;
  if (!name) return 'it destructures what its query returns in a way the codemod does not read';
  if (second?.type !== T.ReturnStatement || rest.length > 0) {
    return 'it does more with the row than return it (a check, a throw, another statement): batch inside it, or give it a loader by hand';
  }
  const steps = returnedSteps(second.argument, name.name);
  if (!steps) return 'it returns more than its row (`row`, `row ?? null`, `rows[0]`): batch inside it, or give it a loader by hand';
  return withDatabase(fn, query, destructured ? ['first', ...steps] : steps);
}

/** The query an expression consists of: `q`, `await q`. */
function queryOf(node: TSESTree.Node | null | undefined, file: FileContext): DrizzleQuery | null {
  const expr = node?.type === T.AwaitExpression ? node.argument : node;
  return expr?.type === T.CallExpression ? recognizeDrizzleQuery(expr, file) : null;
}

/** `row`, `row ?? null`, `row[0]`, `row[0] ?? null`, read outward from `name`; `null` for anything else. */
function returnedSteps(node: TSESTree.Node | null | undefined, name: string): ResultStep[] | null {
  if (node?.type === T.Identifier) return node.name === name ? [] : null;
  if (node?.type === T.LogicalExpression && node.operator === '??' && node.right.type === T.Literal && node.right.value === null) {
    const inner = returnedSteps(node.left, name);
    return inner && [...inner, 'orNull'];
  }
  if (node?.type === T.MemberExpression && node.computed && node.property.type === T.Literal && node.property.value === 0 && !node.optional) {
    const inner = returnedSteps(node.object, name);
    return inner && [...inner, 'first'];
  }
  return null;
}

/** The lookup, with the database parameter when the query reads one the helper is given. */
function withDatabase(fn: TSESTree.FunctionLike, query: DrizzleQuery | null, steps: ResultStep[]): HelperLookup | string | null {
  if (!query) return null;
  const db = query.receiver.type === T.Identifier ? query.receiver.name : null;
  const dbParam = db ? fn.params.findIndex((p) => paramName(p) === db) : -1;
  // The parameter stands for the caller's database: it may be read nowhere else in the query.
  if (dbParam !== -1 && query.arguments.some((a) => identifiers(a).some((id) => id.name === db))) {
    return `its query reads its database parameter \`${db}\` beyond the receiver`;
  }
  return { query, steps, dbParam: dbParam === -1 ? null : dbParam };
}

function paramName(param: TSESTree.Parameter): string | null {
  if (param.type === T.Identifier) return param.name;
  return param.type === T.AssignmentPattern && param.left.type === T.Identifier ? param.left.name : null;
}

/** Why a helper whose first statement is no query is not a lookup: what it runs, as a reason. */
function beyondLookup(fn: TSESTree.FunctionLike, body: TSESTree.BlockStatement, file: FileContext): string | null {
  const first = body.body[0];
  const unpacked = first?.type === T.VariableDeclaration ? first.declarations[0] : null;
  const object = unpacked?.id.type === T.ObjectPattern && unpacked.init?.type === T.Identifier ? unpacked.init.name : null;
  if (object && fn.params.some((p) => paramName(p) === object)) {
    return `it reads its key out of an object parameter (\`${object}\`): batch inside it, or give it a loader by hand`;
  }
  let queries = 0;
  walk(body, (node) => {
    if (node.type === T.CallExpression && recognizeDrizzleQuery(node, file)) queries++;
    return true;
  });
  if (queries > 1) return `it runs ${queries} queries: batch inside it, or give it a loader by hand`;
  if (queries === 1) return 'it does work before its query (a cache, a check, values it computes): batch inside it, or give it a loader by hand';
  return null;
}
