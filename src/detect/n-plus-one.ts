import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { DrizzleOperation } from '../knowledge/drizzle.js';
import { recognizeDrizzleQuery, type DrizzleQuery } from '../recognizers/drizzle-query.js';
import type { FileContext } from '../recognizers/analysis-types.js';
import { dependsOnIteration, findIteration, runsAtMostOnce, type Iteration } from '../recognizers/per-item.js';
import { findDatabasePassedBlind, findQueryThroughHelpers } from '../recognizers/query-helpers.js';
import { isSequential } from '../recognizers/sequential.js';

/** The options of `no-n-plus-one`; the codemod that rewrites its findings takes the same. */
export interface NPlusOneOptions {
  ignoreLiteralArraysUpTo?: number;
  maxHelperDepth?: number;
  reportLoopInvariant?: boolean;
}

export const N_PLUS_ONE_DEFAULTS: Required<NPlusOneOptions> = { ignoreLiteralArraysUpTo: 5, maxHelperDepth: 3, reportLoopInvariant: true };

/**
 * A call that runs a query once per item: the query itself (`query`), a helper that runs one (`helper`,
 * `helpers` from the call down), or an imported function not in the checkout handed a database (`blind`).
 * `iteration` is the repeating scope, re-checked with types when the run has them.
 */
export type NPlusOne =
  | { via: 'query'; iteration: Iteration; query: DrizzleQuery; description: string; operation: DrizzleOperation; varying: boolean }
  | { via: 'helper'; iteration: Iteration; query: DrizzleQuery; helpers: readonly string[]; description: string; operation: DrizzleOperation; varying: boolean }
  | { via: 'blind'; iteration: Iteration; callee: string; database: string };

/**
 * What `no-n-plus-one` reports at `node`, or `null`. Not reported: loops that run until done, over chunks,
 * or over a short array literal; calls that run at most once per loop; statements that each need the one
 * before (`isSequential`); one statement per table; and, with `reportLoopInvariant: false`, queries whose
 * arguments do not change between iterations.
 */
export function findNPlusOne(node: TSESTree.CallExpression, file: FileContext, options: NPlusOneOptions = {}): NPlusOne | null {
  const literalLimit = options.ignoreLiteralArraysUpTo ?? N_PLUS_ONE_DEFAULTS.ignoreLiteralArraysUpTo;
  const maxHelperDepth = options.maxHelperDepth ?? N_PLUS_ONE_DEFAULTS.maxHelperDepth;
  const repeats = (iteration: Iteration | null): iteration is Iteration =>
    iteration !== null &&
    !iteration.untilDone &&
    !iteration.chunked &&
    !runsAtMostOnce(node, iteration) &&
    (iteration.literalSize === null || iteration.literalSize > literalLimit);
  const { context } = file;
  // Where a call repeats is cheap to see; whether it is a query needs its receiver's origin, which may
  // mean reading other modules. Most queries are not in loops, so ask in this order.
  if (node.callee.type !== T.Identifier && node.callee.type !== T.MemberExpression) return null;
  if (!repeats(findIteration(node, context))) return null;
  const query = recognizeDrizzleQuery(node, file);
  const found = query || maxHelperDepth === 0 ? null : findQueryThroughHelpers(node, file, maxHelperDepth);
  const blind = query || found || maxHelperDepth === 0 ? null : findDatabasePassedBlind(node, file);
  if (!query && !found && !blind) return null;
  // With types, a `.map()` on something that is not a collection is no loop: ask again, typed.
  const iteration = findIteration(node, context, file.types);
  if (!repeats(iteration)) return null;
  const invariantShown = options.reportLoopInvariant ?? N_PLUS_ONE_DEFAULTS.reportLoopInvariant;
  if (query) {
    if (query.operation !== 'batch' && isSequential(query.arguments, iteration, file)) return null;
    // `for (const table of tables) await tx.insert(table)…`: one statement per table, which no query joins.
    if (query.tableArgument && dependsOnIteration(query.tableArgument, iteration, context)) return null;
    const varying = query.arguments.some((arg) => dependsOnIteration(arg, iteration, context));
    if (!varying && !invariantShown) return null;
    return { via: 'query', iteration, query, description: query.description, operation: query.operation, varying };
  }
  if (blind) return { via: 'blind', iteration, callee: blind.callee, database: blind.database };
  const { helpers, query: inner } = found!;
  const varying = [node.callee, ...node.arguments].some((part) => dependsOnIteration(part, iteration, context));
  if (!varying && !invariantShown) return null;
  const description = [...helpers.map((h) => `${h}()`), withCall(inner.description)].join(' → ');
  return { via: 'helper', iteration, query: inner, helpers, description, operation: inner.operation, varying };
}

function withCall(description: string): string {
  return description.endsWith(')') ? description : `${description}()`;
}
