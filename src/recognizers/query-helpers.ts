import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { resolveCallee } from './callee.js';
import { isDrizzleDatabaseValue, recognizeDrizzleQuery, type DrizzleQuery } from './drizzle-query.js';
import type { FileContext } from './analysis-types.js';
import { moduleReachesPackage, resolveProjectModule } from './module-graph.js';
import { compactText, keyName } from './chain.js';
import { runsWhereDefined } from './per-item.js';
import { walk } from './walk.js';

/** A call that runs a query somewhere down its helpers: `getAuthor()` → `db.query.users.findFirst`. */
export interface QueryThroughHelpers {
  /** The helpers from the call down, as the calls name them (`getAuthor`, `users.load`). */
  helpers: string[];
  query: DrizzleQuery;
}

/**
 * Does calling `call` execute a Drizzle query, in the function it calls or in the functions that one calls,
 * up to `maxDepth` helpers deep? Each helper is resolved by `resolveCallee` (same file, project modules, and
 * through the checker in a typed run). The first query found, in source order, stands for the helper.
 */
export function findQueryThroughHelpers(
  call: TSESTree.CallExpression,
  file: FileContext,
  maxDepth: number,
): QueryThroughHelpers | null {
  return search(call, file, maxDepth, new Set());
}

/**
 * A cheap pre-check before a helper's module is parsed: a function imported from a module that does not
 * reach drizzle-orm (or a configured db module) through its imports cannot run a Drizzle query. Modules
 * are scanned as text, a few imports deep (the helper chain, plus the db package's own re-exports).
 */
function mayReachQuery(call: TSESTree.CallExpression, file: FileContext, depth: number): boolean {
  const callee = call.callee.type === T.MemberExpression ? call.callee.object : call.callee;
  if (callee.type !== T.Identifier) return true;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  if (def?.type !== 'ImportBinding' || def.node.parent?.type !== T.ImportDeclaration) return true;
  const source = def.node.parent.source.value;
  // A library's function is not a project helper (and a configured db module's exports are databases).
  if (resolveProjectModule(source, file.context.physicalFilename) === null) return false;
  const packages = ['drizzle-orm', ...file.settings.drizzle.modules];
  return moduleReachesPackage(source, file.context.physicalFilename, packages, depth + 3) !== null;
}

function search(
  call: TSESTree.CallExpression,
  file: FileContext,
  depth: number,
  seen: Set<TSESTree.Node>,
): QueryThroughHelpers | null {
  if (depth < 1 || !mayReachQuery(call, file, depth)) return null;
  const target = resolveCallee(call, file);
  if (!target || seen.has(target.fn)) return null;
  seen.add(target.fn);
  const inner = queryInFunction(target.fn, target.file, depth, seen);
  return inner && { helpers: [target.name, ...inner.helpers], query: inner.query };
}

// What a function runs, by function node and depth: a helper is usually called from many loops. Keyed by
// AST nodes, so entries go with the module's AST when it is edited and parsed again.
const byFunction = new WeakMap<TSESTree.Node, Map<number, QueryThroughHelpers | null>>();

/** The first query `fn` runs itself (`helpers` empty) or through the helpers it calls. */
function queryInFunction(
  fn: TSESTree.FunctionLike,
  file: FileContext,
  depth: number,
  seen: Set<TSESTree.Node>,
): QueryThroughHelpers | null {
  const known = byFunction.get(fn);
  if (known?.has(depth)) return known.get(depth)!;
  // A search that started elsewhere may have cut a cycle short here: only its findings are final.
  const complete = seen.size === 1;
  let found: QueryThroughHelpers | null = null;
  const calls: TSESTree.CallExpression[] = [];
  walk(fn.body ?? fn, (node) => {
    if (found) return false;
    // A callback stored for later (`scheduleJob(cron, async () => …)`, `emitter.on(…)`) runs at its time,
    // not when the helper is called; a local function runs where it is called, which the calls list finds.
    if ((node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression) && !runsWhereDefined(node)) return false;
    if (node.type === T.CallExpression) {
      const query = recognizeDrizzleQuery(node, file);
      if (query) {
        found = { helpers: [], query };
        return false;
      }
      calls.push(node);
    }
    return true;
  });
  for (const inner of found ? [] : calls) {
    found = search(inner, file, depth - 1, seen);
    if (found) break;
  }
  if (found || complete) byFunction.set(fn, (known ?? new Map()).set(depth, found));
  return found;
}

/** A call that hands a database to code this analysis cannot read: `updateInvoice(tx, …)`. */
export interface DatabasePassed {
  /** The call as it names the function: `updateInvoice`, `billing.updateInvoice`. */
  callee: string;
  /** The database or transaction argument as written: `tx`, `ctx.db`. */
  database: string;
}

/**
 * `updateInvoice(tx, …)` where `updateInvoice` is imported from a module whose code is not in the checkout
 * (a workspace package not checked out, a library): what it does with the database cannot be seen, but a
 * function given a database per item almost always queries it. Only imported functions count: a callback
 * passed in (`step(tx)`) is the caller's to judge, and a readable function was already searched.
 */
export function findDatabasePassedBlind(call: TSESTree.CallExpression, file: FileContext): DatabasePassed | null {
  const root = call.callee.type === T.MemberExpression ? call.callee.object : call.callee;
  if (root.type !== T.Identifier || (call.callee.type === T.MemberExpression && call.callee.computed)) return null;
  const def = ASTUtils.findVariable(file.context.sourceCode.getScope(root), root)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.node.parent?.type !== T.ImportDeclaration) return null;
  // drizzle-orm's own helpers take the database to build, not to run (`drizzle(db)`, `migrate` is not per item).
  const source = def.node.parent.source.value;
  if (source === 'drizzle-orm' || source.startsWith('drizzle-orm/')) return null;
  // A module of the project was read by the helper search; only code that is not here is unknown. Asked
  // before any origin, which may mean reading other modules.
  if (resolveProjectModule(source, file.context.physicalFilename) !== null) return null;
  // `billing.updateInvoice(tx)` on an imported module object, not a method of an imported database (`db.delete(t)`).
  if (root !== call.callee && isDrizzleDatabaseValue(root, file)) return null;
  const database = call.arguments.flatMap(databaseArgument).find((arg) => isDrizzleDatabaseValue(arg, file));
  if (!database) return null;
  const sourceCode = file.context.sourceCode;
  return { callee: compactText(sourceCode.getText(call.callee)), database: compactText(sourceCode.getText(database)) };
}

// `fn(tx)`, `fn(ctx.db)`, and `fn({ db: tx, … })`: the database is handed over directly or as an option.
function databaseArgument(arg: TSESTree.Node): TSESTree.Expression[] {
  if (arg.type === T.Identifier || arg.type === T.MemberExpression) return [arg];
  if (arg.type !== T.ObjectExpression) return [];
  return arg.properties.flatMap((p) =>
    p.type === T.Property && !p.computed && keyName(p.key) !== null && (p.value.type === T.Identifier || p.value.type === T.MemberExpression)
      ? [p.value]
      : [],
  );
}
