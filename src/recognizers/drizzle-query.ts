import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import {
  CONDITION_OPERATORS,
  EXECUTING,
  NON_EXECUTING,
  PROMISE_METHODS,
  QUERY_ENTRIES,
  RELATIONAL_METHODS,
  TABLE_FACTORIES,
  type DrizzleOperation,
} from '../knowledge/drizzle.js';
import { compactText, flattenChain, importedName, keyName, memberName, type ChainSegment } from './chain.js';
import type { FileContext } from './analysis-types.js';
import { contextKeyOf, isContextMember, isDrizzleDatabase } from './libraries.js';
import { originOf } from './origin.js';
import { findIterationCall, isPromiseCombinator } from './per-item.js';
import { hasProperties, isTypeFromPackage } from './types.js';

/** How a lazy Drizzle builder gets run. */
export type Execution = 'await' | 'then' | 'return' | 'promise-all' | 'immediate';

export interface DrizzleQuery {
  /** The outermost call of the executed chain (`db.select().from(posts).where(…)`). */
  node: TSESTree.CallExpression;
  /** The database, transaction or prepared statement the chain starts from (`ctx.db`, `tx`). */
  receiver: TSESTree.Expression;
  operation: DrizzleOperation;
  /** `posts` in `.from(posts)`, `db.query.posts…`, `db.insert(posts)`; `null` when not a plain name. */
  table: string | null;
  /** The table argument as written (`posts`, `schema[name]`); `null` for the relational API. */
  tableArgument: TSESTree.Node | null;
  /** For messages: `db.query.users.findFirst`, `ctx.db.select().from(posts)`. */
  description: string;
  execution: Execution;
  /** Every argument of every call in the chain: what decides which rows the query touches. */
  arguments: TSESTree.Node[];
}

/**
 * Recognizes an executed Drizzle query at the outermost call of its chain (so each query is found once):
 * `db.select()…`, `db.insert/update/delete(t)…`, `db.query.<t>.findMany/findFirst()`, `db.execute()`,
 * `db.$count()`, `db.batch([…])`, `db.transaction(…)`, `prepared.execute()`, on a database or a `tx`, when it
 * is awaited, returned, `.then`-ed, passed to `Promise.all`, or run by `.execute()`/SQLite's `.all()`.
 *
 * Not executions: `.toSQL()`, `.prepare()` (the later `.execute()` is), `.as()` subqueries, builders put in
 * `db.batch([…])` (the batch is one), and builders that are never awaited (Drizzle queries are lazy).
 * Untyped, the receiver must come from `drizzle()` (through imports, also from project modules), a tRPC
 * `ctx.<contextKey>`, a transaction callback, or settings; typed, its type must be declared in drizzle-orm.
 */
export function recognizeDrizzleQuery(node: TSESTree.CallExpression, file: FileContext): DrizzleQuery | null {
  const parent = node.parent;
  const continued = parent?.type === T.MemberExpression && parent.object === node;
  if (continued && !PROMISE_METHODS.has(memberName(parent) ?? '')) return null;
  if (node.callee.type !== T.MemberExpression) return null;
  const chain = flattenChain(node);
  // `q.then(…)` is not itself a query: the recognizer answers for `q`, whose parent is the `.then`.
  if (PROMISE_METHODS.has(chain.segments.at(-1)?.name ?? '')) return null;
  if (chain.segments.some((s) => NON_EXECUTING.has(s.name))) return null;
  const shape = preparedShape(chain.base, chain.segments, file) ?? findShape(chain.segments);
  if (!shape) return null;
  const execution = runsAtOnce(chain.segments.at(-1)!, shape) ? 'immediate' : executionOf(node, file, 0);
  if (!execution) return null;
  if (!isDatabase(shape.receiver, file, shape.operation === 'prepared', chain.segments)) return null;
  const receiverText = compactText(file.context.sourceCode.getText(shape.receiver));
  return {
    node,
    receiver: shape.receiver,
    operation: shape.operation,
    table: shape.table,
    tableArgument: tableArgumentOf(chain.segments, shape),
    description: describe(receiverText, shape),
    execution,
    arguments: chain.segments.flatMap((s) => s.call?.arguments ?? []),
  };
}

/**
 * A Drizzle select builder, whether or not it runs here: `db.select().from(t)….$dynamic()` as kept in a
 * variable that is paged later (`q.limit(n).offset(k)`).
 */
export function isDrizzleSelectBuilder(node: TSESTree.Node, file: FileContext): boolean {
  if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return false;
  const shape = findShape(flattenChain(node).segments);
  return shape?.operation === 'select' && isDatabase(shape.receiver, file, false, flattenChain(node).segments);
}

/** A value that is a Drizzle database or transaction by where it comes from (`ctx.db`, `tx`), not by its use. */
export function isDrizzleDatabaseValue(node: TSESTree.Expression, file: FileContext): boolean {
  const origin = originOf(node, file);
  if (isDrizzleDatabase(origin) || isContextMember(origin, file.settings.drizzle.contextKeys)) return true;
  // A table's type is drizzle-orm's too: a database or transaction is the one that can select and insert.
  return Boolean(file.types && isTypeFromPackage(file.types, node, ['drizzle-orm']) && hasProperties(file.types, node, ['select', 'insert']));
}

// `.execute()`, and SQLite's synchronous `.all()/.get()/.run()/.values()`; `insert(t).values({…})` only builds.
function runsAtOnce(last: ChainSegment, shape: Shape): boolean {
  if (!last.call || !EXECUTING.has(last.name) || shape.operation === 'execute') return false;
  return last.name !== 'values' || last.call.arguments.length === 0;
}

interface Shape {
  receiver: TSESTree.Expression;
  operation: DrizzleOperation;
  entry: string;
  table: string | null;
  method: string | null;
}

function findShape(segments: ChainSegment[]): Shape | null {
  for (const [i, segment] of segments.entries()) {
    let operation = QUERY_ENTRIES.get(segment.name);
    if (!operation) continue;
    const receiver = segment.member.object;
    const rest = segments.slice(i + 1);
    if (operation === 'query') {
      const [table, method] = rest;
      if (segment.call || !table || table.call || !method?.call || !RELATIONAL_METHODS.has(method.name)) continue;
      return { receiver, operation, entry: segment.name, table: table.name, method: method.name };
    }
    if (!segment.call) continue;
    if (segment.name === 'with') {
      const next = rest.find((s) => s.call && QUERY_ENTRIES.get(s.name) !== 'query' && s.name !== 'with');
      operation = next && QUERY_ENTRIES.get(next.name);
      if (!next || !operation || !['select', 'insert', 'update', 'delete'].includes(operation)) continue;
      return { receiver, operation, entry: next.name, table: tableOf(next, rest), method: null };
    }
    if (operation === 'select' && !rest.some((s) => s.name === 'from' && s.call)) continue;
    if (['insert', 'update', 'delete', 'count', 'execute'].includes(operation) && segment.call.arguments.length === 0) {
      continue;
    }
    if (operation === 'batch' && segment.call.arguments[0]?.type !== T.ArrayExpression) continue;
    // `c.get("db").select()…`: a raw `get`/`run`/`execute` ends a chain; one that a query continues is a getter.
    if (operation === 'execute' && rest.some((s) => s.call && QUERY_ENTRIES.has(s.name))) continue;
    return { receiver, operation, entry: segment.name, table: tableOf(segment, rest), method: null };
  }
  return null;
}

/** `stmt.execute()` where `const stmt = db.select()….prepare('name')`. */
function preparedShape(base: TSESTree.Expression, segments: ChainSegment[], file: FileContext): Shape | null {
  if (base.type !== T.Identifier || segments.length !== 1 || !EXECUTING.has(segments[0]!.name)) return null;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(base), base);
  const def = variable?.defs[0];
  const init = def?.node.type === T.VariableDeclarator && def.node.id === def.name ? def.node.init : null;
  if (init?.type !== T.CallExpression) return null;
  const definition = flattenChain(init);
  if (definition.segments.at(-1)?.name !== 'prepare') return null;
  const shape = findShape(definition.segments.slice(0, -1));
  return shape && { ...shape, receiver: base, operation: 'prepared', entry: segments[0]!.name };
}

function tableArgumentOf(segments: ChainSegment[], shape: Shape): TSESTree.Node | null {
  const index = segments.findIndex((s) => s.name === shape.entry && s.call);
  if (index < 0 || !['select', 'insert', 'update', 'delete', 'count'].includes(shape.operation)) return null;
  return tableNode(segments[index]!, segments.slice(index + 1)) ?? null;
}

function tableNode(entry: ChainSegment, rest: ChainSegment[]): TSESTree.Node | undefined {
  const from = entry.name.startsWith('select') ? rest.find((s) => s.name === 'from')?.call : entry.call;
  return from?.arguments[0];
}

function tableOf(entry: ChainSegment, rest: ChainSegment[]): string | null {
  const arg = tableNode(entry, rest);
  if (arg?.type === T.Identifier) return arg.name;
  if (arg?.type === T.MemberExpression) return memberName(arg);
  return null;
}

function describe(receiver: string, shape: Shape): string {
  const table = shape.table ?? '…';
  switch (shape.operation) {
    case 'query':
      return `${receiver}.query.${table}.${shape.method}`;
    case 'select':
      return `${receiver}.${shape.entry}().from(${table})`;
    case 'insert':
    case 'update':
    case 'delete':
      return `${receiver}.${shape.entry}(${table})`;
    case 'count':
      return `${receiver}.$count(${table})`;
    case 'prepared':
      return `${receiver}.${shape.entry}()`;
    default:
      return `${receiver}.${shape.entry}()`;
  }
}

function isDatabase(receiver: TSESTree.Expression, file: FileContext, prepared: boolean, segments: ChainSegment[]): boolean {
  const origin = prepared ? null : originOf(receiver, file);
  // Traced to `drizzle(…)` itself: certain, and far cheaper than asking the checker.
  if (isDrizzleDatabase(origin)) return true;
  if (file.types) {
    const typed = isTypeFromPackage(file.types, receiver, ['drizzle-orm']);
    if (typed !== undefined) return typed;
  }
  // The statement was prepared from a chain whose receiver was checked when it was recognized.
  if (prepared || isContextMember(origin, file.settings.drizzle.contextKeys)) return true;
  // Another key of the tRPC context (`ctx.database`, `ctx.pg`): what the app puts there is built at run time,
  // so the chain's own evidence decides, as for a client from outside.
  if (contextKeyOf(origin) !== null) return hasDrizzleEvidence(segments, file);
  // Not traced to anything (a `ctx.database`, a client from a package not in the checkout): the chain's
  // own evidence decides, never its receiver's name.
  return origin === null && comesFromOutside(receiver, file) && hasDrizzleEvidence(segments, file);
}

/**
 * Whether the receiver is handed in (a parameter, `this`, an import): a local value made here (`new Map()`,
 * a literal) would have been traced if it were a database.
 */
function comesFromOutside(receiver: TSESTree.Expression, file: FileContext, depth = 0): boolean {
  let root: TSESTree.Node = receiver;
  const keys: string[] = [];
  while (root.type === T.MemberExpression || root.type === T.CallExpression || root.type === T.TSNonNullExpression) {
    if (root.type === T.MemberExpression) keys.unshift(memberName(root) ?? '');
    root = root.type === T.MemberExpression ? root.object : root.type === T.CallExpression ? root.callee : root.expression;
  }
  if (root.type === T.ThisExpression) return true;
  if (root.type !== T.Identifier) return false;
  const def = ASTUtils.findVariable(file.context.sourceCode.getScope(root), root)?.defs[0];
  if (def?.type === 'ImportBinding') return true;
  // `const { tx } = pc`, `const db = ctx.db`: as outside as what it is taken from.
  const init = def?.type === 'Variable' && def.node.type === T.VariableDeclarator ? def.node.init : null;
  if (init && (init.type === T.Identifier || init.type === T.MemberExpression) && depth < 4) return comesFromOutside(init, file, depth + 1);
  if (def?.type !== 'Parameter') return false;
  // A declared type that is not Drizzle's says what the value is; `any`, none, or one from outside does not.
  const annotation = declaredType(def.name);
  return annotation === null || isOpaqueType(annotation, keys[0], file);
}

function declaredType(name: TSESTree.Node): TSESTree.TypeNode | null {
  for (let node: TSESTree.Node | undefined = name; node && !ASTUtils.isFunction(node); node = node.parent) {
    if ('typeAnnotation' in node && node.typeAnnotation?.type === T.TSTypeAnnotation) return node.typeAnnotation.typeAnnotation;
  }
  return null;
}

function isOpaqueType(type: TSESTree.TypeNode, key: string | undefined, file: FileContext): boolean {
  if (type.type === T.TSAnyKeyword) return true;
  if (type.type === T.TSTypeLiteral && key !== undefined) {
    const member = type.members.find((m) => m.type === T.TSPropertySignature && keyName(m.key, m.computed) === key);
    const inner = member?.type === T.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    return inner === undefined || isOpaqueType(inner, undefined, file);
  }
  // A type of the project (or of a package not in the checkout: `Database` from `@acme/db`) that the origin
  // walk could not trace: unknown, not something else. A global (`Map`) is something else.
  if (type.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return false;
  return Boolean(ASTUtils.findVariable(file.context.sourceCode.getScope(type.typeName), type.typeName)?.defs[0]);
}

/**
 * A chain that only Drizzle writes: its table is defined with `pgTable(…)` (traced through imports), or a
 * condition is a drizzle-orm operator on one of the table's columns (`.where(eq(users.id, id))`). Knex,
 * Kysely and Prisma chains name tables by string or model and build conditions otherwise.
 */
function hasDrizzleEvidence(segments: ChainSegment[], file: FileContext): boolean {
  const relational = segments.find((s) => RELATIONAL_METHODS.has(s.name))?.call?.arguments[0];
  if (relational?.type === T.ObjectExpression) return relationalWhere(relational, file);
  const tables = segments.flatMap((s) => (TABLE_METHODS.has(s.name) && s.call?.arguments[0] ? [s.call.arguments[0]] : []));
  const table = tables[0];
  if (!table || (table.type !== T.Identifier && table.type !== T.MemberExpression)) return false;
  const tableOrigin = originOf(table, file);
  if (tableOrigin?.package === 'drizzle-orm' && TABLE_FACTORIES.test(tableOrigin.path[0] ?? '') && tableOrigin.path[1] === '()') return true;
  if (hasDrizzleOnlyShape(segments)) return true;
  const tableText = file.context.sourceCode.getText(table);
  return segments.some((s) => s.call?.arguments.some((arg) => usesOperatorOn(arg, tableText, file))) || isUsedAsTable(table, file);
}

/**
 * Chains no other query builder writes: `insert(t).values(…)` (Knex inserts rows, Kysely has `insertInto`),
 * `update(t).set({…})` without TypeORM's string conditions, and Drizzle's own `onConflictDo…`/`$dynamic()`.
 */
function hasDrizzleOnlyShape(segments: ChainSegment[]): boolean {
  if (segments.some((s) => s.call?.arguments[0]?.type === T.Literal && typeof s.call.arguments[0].value === 'string')) return false;
  if (segments.some((s) => s.call && DRIZZLE_ONLY_METHODS.has(s.name))) return true;
  const entry = segments.findIndex((s) => s.name === 'insert' || s.name === 'update');
  const next = segments[entry + 1];
  if (entry < 0 || segments[entry]!.call?.arguments.length !== 1 || !next?.call) return false;
  return segments[entry]!.name === 'insert' ? next.name === 'values' : next.name === 'set' && next.call.arguments[0]?.type === T.ObjectExpression;
}

const DRIZZLE_ONLY_METHODS: ReadonlySet<string> = new Set(['onConflictDoNothing', 'onConflictDoUpdate', '$dynamic', '$returningId']);

/**
 * Elsewhere in this file the table is used as only a Drizzle table is: a column under an imported operator
 * (`eq(users.id, …)`), its inferred row type (`typeof users.$inferSelect`), or passed to drizzle-orm or a
 * drizzle-zod style package (`createInsertSchema(users)`, `getTableColumns(users)`).
 */
function isUsedAsTable(table: TSESTree.Expression, file: FileContext): boolean {
  let root: TSESTree.Node = table;
  while (root.type === T.MemberExpression) root = root.object;
  if (root.type !== T.Identifier) return false;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(root), root);
  const text = file.context.sourceCode.getText(table);
  for (const reference of variable?.references ?? []) {
    // Up from `schema` to `schema.users`, in code or in a type (`typeof schema.users.$inferSelect`).
    let node: TSESTree.Node = reference.identifier;
    while (file.context.sourceCode.getText(node) !== text && node.parent && isQualifier(node, node.parent)) node = node.parent;
    if (file.context.sourceCode.getText(node) === text && isTableUse(node, file)) return true;
  }
  return false;
}

function isQualifier(node: TSESTree.Node, parent: TSESTree.Node): boolean {
  return (parent.type === T.MemberExpression && parent.object === node) || (parent.type === T.TSQualifiedName && parent.left === node);
}

function isTableUse(node: TSESTree.Node, file: FileContext): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === T.MemberExpression || parent.type === T.TSQualifiedName) {
    const key = parent.type === T.TSQualifiedName ? parent.right.name : memberName(parent);
    if (key === '$inferSelect' || key === '$inferInsert') return true;
    const call = parent.parent;
    if (parent.type === T.MemberExpression && call?.type === T.CallExpression && call.arguments[0] === parent) {
      return usesOperatorOn(call, file.context.sourceCode.getText(node), file);
    }
    return false;
  }
  if (parent.type === T.CallExpression && parent.arguments[0] === node && parent.callee.type === T.Identifier) {
    const def = ASTUtils.findVariable(file.context.sourceCode.getScope(parent.callee), parent.callee)?.defs[0];
    const source = def?.type === 'ImportBinding' && def.parent.type === T.ImportDeclaration ? def.parent.source.value : '';
    return TABLE_HELPER_PACKAGES.test(source);
  }
  return false;
}

// drizzle-orm's own helpers (`getTableColumns`) and the schema generators built on its tables.
const TABLE_HELPER_PACKAGES = /^(?:drizzle-orm|drizzle-(?:zod|typebox|valibot|arktype))(?:\/|$)/;

// Where a builder names its table: `.from(t)`, `.insert(t)`, `.update(t)`, `.delete(t)`, joins.
const TABLE_METHODS: ReadonlySet<string> = new Set(['from', 'insert', 'update', 'delete', 'innerJoin', 'leftJoin']);

// `findFirst({ where: eq(users.id, id) })`, or drizzle's callback form `where: (t, { eq }) => eq(t.id, id)`.
function relationalWhere(options: TSESTree.ObjectExpression, file: FileContext): boolean {
  const where = options.properties.find((p) => p.type === T.Property && keyName(p.key, p.computed) === 'where');
  const value = where?.type === T.Property ? where.value : null;
  if (value?.type === T.CallExpression && value.arguments[0]?.type === T.MemberExpression) {
    return usesOperatorOn(value, file.context.sourceCode.getText(value.arguments[0].object), file);
  }
  const operators = (value?.type === T.ArrowFunctionExpression || value?.type === T.FunctionExpression) ? value.params[1] : undefined;
  return operators?.type === T.ObjectPattern && operators.properties.some((p) => p.type === T.Property && CONDITION_OPERATORS.has(keyName(p.key, p.computed) ?? ''));
}

function usesOperatorOn(node: TSESTree.Node, table: string, file: FileContext): boolean {
  if (node.type !== T.CallExpression) return false;
  const column = node.arguments[0];
  if (node.callee.type === T.Identifier && column?.type === T.MemberExpression && file.context.sourceCode.getText(column.object) === table) {
    // By the name it is imported under: `import { eq as equals }` is still drizzle's `eq`.
    const def = ASTUtils.findVariable(file.context.sourceCode.getScope(node.callee), node.callee)?.defs[0];
    if (def?.type === 'ImportBinding' && def.node.type === T.ImportSpecifier && CONDITION_OPERATORS.has(importedName(def.node))) return true;
  }
  // `and(eq(…), …)`, `or(…)`: the operators nest.
  return node.arguments.some((arg) => usesOperatorOn(arg, table, file));
}

const WRAPPERS: ReadonlySet<string> = new Set([
  T.TSAsExpression,
  T.TSNonNullExpression,
  T.TSSatisfiesExpression,
  T.ChainExpression,
  T.ConditionalExpression,
  T.LogicalExpression,
]);

/** How the value of `expr` is consumed, if in a way that runs a lazy query; `null` when it is not run here. */
function executionOf(expr: TSESTree.Node, file: FileContext, depth: number): Execution | null {
  let node = expr;
  let parent = node.parent;
  while (parent && WRAPPERS.has(parent.type) && !(parent.type === T.ConditionalExpression && parent.test === node)) {
    node = parent;
    parent = parent.parent;
  }
  switch (parent?.type) {
    case T.AwaitExpression:
      return 'await';
    case T.ReturnStatement:
      return returnedFrom(enclosingFunction(parent), file, depth);
    case T.ArrowFunctionExpression:
      return parent.body === node ? returnedFrom(parent, file, depth) : null;
    case T.MemberExpression:
      return parent.object === node && PROMISE_METHODS.has(memberName(parent) ?? '') ? 'then' : null;
    case T.ArrayExpression: {
      const call = parent.parent;
      return call?.type === T.CallExpression && isPromiseCombinator(call) ? 'promise-all' : null;
    }
    case T.CallExpression: {
      if (isPromiseCombinator(parent)) return 'promise-all';
      // `tasks.push(db.insert(…))` and later `await Promise.all(tasks)`.
      const callee = parent.callee;
      if (callee.type !== T.MemberExpression || memberName(callee) !== 'push' || callee.object.type !== T.Identifier) {
        return null;
      }
      const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(callee.object), callee.object);
      const awaited = variable?.references.some((ref) => {
        const use = ref.identifier.parent;
        return use?.type === T.CallExpression && isPromiseCombinator(use);
      });
      return awaited ? 'promise-all' : null;
    }
    case T.VariableDeclarator: {
      // `const q = db.select()…; … await q`: the query runs where `q` is consumed.
      if (depth > 1 || parent.init !== node || parent.id.type !== T.Identifier) return null;
      const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(parent.id), parent.id);
      for (const ref of variable?.references ?? []) {
        if (ref.init) continue;
        const execution = executionOf(ref.identifier, file, depth + 1);
        if (execution) return execution;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * A promise returned from a function runs when the caller awaits it, except from an array callback: what
 * `.map()` returns is an array of builders, which run only if that array reaches `Promise.all` (and never
 * from `.forEach()`, which drops them).
 */
function returnedFrom(fn: TSESTree.Node | null, file: FileContext, depth: number): Execution | null {
  const iteration = fn && findIterationCall(fn);
  if (!iteration) return 'return';
  if (!COLLECTING_METHODS.has(iteration.method) || depth > 2) return null;
  return executionOf(iteration.call, file, depth + 1) ? 'promise-all' : null;
}

const COLLECTING_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap', 'Array.from']);

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) if (ASTUtils.isFunction(current)) return current;
  return null;
}
