import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { resolveCallee } from '../../src/recognizers/callee.js';
import { flattenChain, importedName, keyName, memberName, type ChainSegment } from '../../src/recognizers/chain.js';
import type { DrizzleQuery } from '../../src/recognizers/drizzle-query.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { isContextMember } from '../../src/recognizers/libraries.js';
import { originOf } from '../../src/recognizers/origin.js';
import { dependsOnIteration, findIterationCall, identifiers, type Iteration } from '../../src/recognizers/per-item.js';
import { findEnclosingProcedure } from '../../src/recognizers/trpc-procedure.js';
import { walk } from '../../src/recognizers/walk.js';
import { findNPlusOne, type NPlusOneOptions } from '../../src/detect/n-plus-one.js';
import { analyzeSource } from '../../src/codemods/analyze.js';
import { readTableColumns, type ColumnInfo } from '../../src/recognizers/drizzle-schema.js';
import { readHelper, type ResultStep } from '../../src/codemods/helper-body.js';
import { findWrite } from '../../src/codemods/loop-writes.js';
import { text } from '../../src/codemods/source-text.js';

/**
 * `one`: `findFirst` by a unique column (`T | undefined`); `many`: `findMany` by a column (`T[]`);
 * `rows`: `select().from(t).where(eq(…))` (`T[]`, also with `.limit(1)` on a unique column).
 */
export type LookupKind = 'one' | 'many' | 'rows';

/** A binding the loader's code needs, as the file that holds the query imports it. */
export interface ImportNeed {
  local: string;
  imported: string;
  source: string;
  /** The file whose import this is: relative sources are relative to it. */
  file: string;
}

/** What a query reads, apart from the key: enough to write the batched query anywhere. */
export interface Lookup {
  kind: LookupKind;
  /** `users` of `db.query.users`, for relational queries. */
  schemaKey: string | null;
  /** The table binding, as imported (`users`), and the key column (`id`). */
  table: ImportNeed;
  column: string;
  /** What the key column holds: a batch matches rows to keys by value, so the key must hold the same. */
  keyType: ColumnInfo['type'];
  /** Whether the key column is unique: then each key has one row at most. */
  unique: boolean;
  /** Relational options besides `where` (`with: {…}`, `orderBy: …`), as written; `''` for none. */
  options: string;
  /** The arguments of a `select()`'s `.orderBy(…)`, as written; `''` for none. Grouping keeps the order. */
  orderBy: string;
  /** The fields of `select({…})`, as written; `''` for `select()`. */
  fields: string;
  /** Conditions `and()`-ed with the key that do not change per item, as written. */
  conditions: string[];
  /** Every binding the options, fields and conditions use (the table included). */
  imports: ImportNeed[];
  /** Values local to the query's module that the copied parts read (`teamId`): in scope before the loop. */
  locals: string[];
}

/** Where keys can be loaded for all items at once, before the loop runs. */
export interface BatchPoint {
  /** Offset of the statement to put the batched load in front of, and its indentation. */
  at: number;
  indent: string;
  /** `rows.map((post) => post.authorId)` minus the key: the collection and the item's binding, as written. */
  collection: string;
  collectionRange: [number, number];
  item: string;
  /** The key as it is computed for every item up front: later steps of `post.author.id` read with `?.`. */
  key: string;
  /** `?.` was added: some items may give no key. */
  optional: boolean;
}

export interface LookupSite {
  line: number;
  /** What the loader call replaces: the query itself, or the call of the helper that runs it. */
  range: [number, number];
  lookup: Lookup;
  key: string;
  keyRange: [number, number];
  /** The helper the query is in (`getAuthor`), or `null` when the site is the query itself. */
  helper: string | null;
  /** What the helper does to the query's result before returning it (`[0]`, `?? null`): the call's value. */
  steps: ResultStep[];
  /** The expression that reaches the tRPC context (`ctx`, `opts.ctx`), when the site is in a procedure. */
  ctx: string | null;
  /** Where `ctx, ` must be added to the resolver's `({ input })` for `ctx` to exist; `null` when it does. */
  addCtxAt: number | null;
  /** The query's own database expression (`ctx.db`, `db`), for the inline strategy. */
  receiver: string;
  /** The database the query reads when it is not `ctx.<key>`: the import it comes from. */
  database: ImportNeed | null;
  /** The items run one after the other (a `for…of`), or wait before loading: loads must be primed. */
  sequential: boolean;
  /** `Promise.all(xs.map(async (x) => …))`: loads made together batch by themselves. */
  concurrent: boolean;
  batch: BatchPoint | null;
  /** Why `batch` is null. */
  noBatch: string | null;
  /** Why a per-request loader cannot serve it (it reads in a transaction, or local values), or `null`. */
  notForLoaders: string | null;
  /** Why the inline strategy cannot rewrite it, when `batch` exists (its database is made in the loop), or `null`. */
  notInline: string | null;
}

export type SiteResult = { site: LookupSite } | { bail: { line: number; reason: string } };

/**
 * The sites that `no-n-plus-one` reports in `source` (a Drizzle query, or a helper that runs one, per item
 * of a collection), with the rule's `options`, each either described as a lookup by one key or declined with
 * the reason. Helpers are followed one call deep, and only when the helper is nothing but the lookup of one
 * of its parameters.
 *
 * Declined: writes, counts and raw SQL; loops that also write (reading every key first would read what was
 * there before the writes); keys of several columns or conditions that change per item; `findFirst` by a
 * column that is not unique; limits, offsets and joins, which apply per key; functions whose code is not in
 * the checkout. Reads in a transaction, and reads of values local to the module, are found for the inline
 * strategy only (`notForLoaders`).
 */
export function findLookupSites(source: string, filePath: string, contextKeys?: readonly string[], options?: NPlusOneOptions): SiteResult[] {
  return analyzeSource<SiteResult>(source, filePath, (file, found) => ({
    CallExpression(node) {
      const finding = findNPlusOne(node, file, options);
      if (!finding) return;
      const line = node.loc.start.line;
      const result =
        finding.via === 'blind'
          ? `\`${finding.callee}()\` gets \`${finding.database}\` per item, and its code is not in this checkout: batch inside it by hand`
          : finding.via === 'query'
            ? directSite(node, finding.query, finding.iteration, file, contextKeys)
            : helperSite(node, finding.helpers, finding.iteration, file, contextKeys);
      found(typeof result === 'string' ? { bail: { line, reason: result } } : { site: result });
    },
  }));
}

function directSite(
  node: TSESTree.CallExpression,
  query: DrizzleQuery,
  iteration: Iteration,
  file: FileContext,
  contextKeys: readonly string[] | undefined,
): LookupSite | string {
  const parsed = parseLookup(query, file, (node) => dependsOnIteration(node, iteration, file.context), iteration);
  if (typeof parsed === 'string') return parsed;
  if (!dependsOnIteration(parsed.key, iteration, file.context)) {
    return 'the key is the same on every iteration: hoist the query out of the loop';
  }
  const origin = originOf(query.receiver, file);
  const keys = contextKeys ?? file.settings.drizzle.contextKeys;
  const viaContext = query.receiver.type === T.MemberExpression && isContextMember(origin, keys);
  const ctx = viaContext ? { ctx: text(file.context.sourceCode.text, (query.receiver as TSESTree.MemberExpression).object), addCtxAt: null } : procedureCtx(node, file);
  const database = viaContext ? null : importOf(query.receiver, file);
  const local = parsed.lookup.locals[0];
  const notForLoaders = origin?.path.includes('transaction')
    ? 'it runs inside a transaction: a loader would read outside it'
    : local
      ? `it uses \`${local}\`, which is local to this module: the loaders module cannot see it`
      : null;
  const root = rootIdentifier(query.receiver);
  const madeInLoop = root && definedWithin(root, iteration.node, file);
  return site(node, parsed.lookup, text(file.context.sourceCode.text, parsed.key), parsed.key, iteration, file, {
    ...ctx,
    receiver: text(file.context.sourceCode.text, query.receiver),
    database,
    helper: null,
    steps: [],
    notForLoaders,
    notInline: madeInLoop ? `its database \`${root.name}\` is made inside the loop, so no query can run before it` : null,
  });
}

/**
 * `getAuthor(n.actorId)` where `getAuthor(id)` only returns `db.query.users.findFirst({ where: eq(users.id, id) })`,
 * or returns its row reshaped (`const [row] = await …limit(1); return row ?? null`), on an imported database
 * or on one it is passed (`getAuthor(db, id)`: the caller's argument is the database then).
 */
function helperSite(
  node: TSESTree.CallExpression,
  helpers: readonly string[],
  iteration: Iteration,
  file: FileContext,
  contextKeys: readonly string[] | undefined,
): LookupSite | string {
  const target = resolveCallee(node, file);
  const read = target && readHelper(target.fn, target.file);
  const name = text(file.context.sourceCode.text, node.callee);
  if (!target || !read || typeof read === 'string') {
    const write = target && findWrite(target.fn.body ?? target.fn, target.file, 1);
    if (write) return `a write per item: \`${name}()\` runs ${write}, so it is not a lookup: batch its writes by hand`;
    if (typeof read === 'string') return `\`${name}()\`: ${read}`;
    if (helpers.length > 1) {
      return `\`${name}()\` reaches its query through \`${helpers.slice(1).join('()` → `')}()\`: batch inside it, or give it a loader by hand`;
    }
    return `\`${name}()\` does more than return one lookup by key: batch inside it, or give it a loader by hand`;
  }
  const { query, steps, dbParam } = read;
  const parsed = parseLookup(query, target.file, () => false, null);
  if (typeof parsed === 'string') return `in \`${target.name}()\`: ${parsed}`;
  const index = target.fn.params.findIndex((p) => p.type === T.Identifier && parsed.key.type === T.Identifier && p.name === parsed.key.name);
  const argument = node.arguments[index];
  if (index === -1 || !argument || argument.type === T.SpreadElement) {
    return `the key of \`${target.name}()\`'s query is not one of its parameters`;
  }
  if (!dependsOnIteration(argument, iteration, file.context)) return 'the key is the same on every iteration: hoist the call out of the loop';
  const reshaped = steps.length > 0 ? `\`${target.name}()\` reshapes its rows: the inline strategy rewrites it, a loader would not` : null;
  if (steps.includes('first') && parsed.lookup.kind === 'one') return `\`${target.name}()\` takes element 0 of a single row`;
  if (steps.includes('first') && !parsed.lookup.unique) {
    return `\`${target.name}()\` takes the first of the rows of \`${parsed.lookup.table.local}.${parsed.lookup.column}\`, which is not unique: which one depends on the plan`;
  }
  if (dbParam !== null) {
    const db = node.arguments[dbParam];
    if (!db || db.type === T.SpreadElement || !isPlainReference(db)) return `the database \`${target.name}()\` is given is not a plain name`;
    if (dependsOnIteration(db, iteration, file.context)) return `the database \`${target.name}()\` is given changes per item`;
    const root = rootIdentifier(db);
    return site(node, parsed.lookup, text(file.context.sourceCode.text, argument), argument, iteration, file, {
      ...procedureCtx(node, file),
      receiver: text(file.context.sourceCode.text, db),
      database: null,
      helper: target.name,
      steps,
      notForLoaders: reshaped ?? `\`${target.name}()\` is given its database: the inline strategy rewrites it on that one`,
      notInline: root && definedWithin(root, iteration.node, file) ? `its database \`${root.name}\` is made inside the loop, so no query can run before it` : null,
    });
  }
  const origin = originOf(query.receiver, target.file);
  const keys = contextKeys ?? target.file.settings.drizzle.contextKeys;
  if (isContextMember(origin, keys)) return `\`${target.name}()\` reads a context it is passed: call its loader where the context is`;
  const database = importOf(query.receiver, target.file);
  if (!database) return `\`${target.name}()\` reads a database that is not imported from a module`;
  return site(node, parsed.lookup, text(file.context.sourceCode.text, argument), argument, iteration, file, {
    ...procedureCtx(node, file),
    receiver: text(target.file.context.sourceCode.text, query.receiver),
    database,
    helper: target.name,
    steps,
    notForLoaders: reshaped,
    notInline: null,
  });
}

function site(
  node: TSESTree.CallExpression,
  lookup: Lookup,
  key: string,
  keyNode: TSESTree.Node,
  iteration: Iteration,
  file: FileContext,
  where: Pick<LookupSite, 'ctx' | 'addCtxAt' | 'receiver' | 'database' | 'helper' | 'steps' | 'notForLoaders' | 'notInline'>,
): LookupSite | string {
  const concurrent = iteration.kind === 'callback' && iteration.concurrent;
  if (!concurrent && iteration.kind !== 'for-of' && iteration.kind !== 'callback') {
    return `loads in a ${iteration.kind} loop run one after another and cannot be batched: loop with \`for…of\` or \`Promise.all(xs.map(…))\` first`;
  }
  const sequential = !concurrent || awaitsBefore(node, iteration.node);
  const point = batchPoint(iteration, keyNode, file);
  if (sequential && typeof point === 'string') return `the items are loaded one after another and ${point}`;
  const write = findWrite((typeof point === 'string' ? null : statementAt(iteration)) ?? iteration.node, file);
  if (write) return `the loop also writes (${write}): batched reads would see rows as they were before its writes`;
  return {
    line: node.loc.start.line,
    range: node.range,
    lookup,
    key,
    keyRange: keyNode.range,
    ...where,
    sequential,
    concurrent,
    batch: typeof point === 'string' ? null : point,
    noBatch: typeof point === 'string' ? point : null,
  };
}

interface Parsed {
  lookup: Lookup;
  key: TSESTree.Expression;
}

/**
 * `varies` tells whether a part of the query changes per item: only the key may. `iteration` is where the
 * query runs when it is the site itself: values of its module may be copied then, if the loop leaves them be.
 */
function parseLookup(query: DrizzleQuery, file: FileContext, varies: (node: TSESTree.Node) => boolean, iteration: Iteration | null): Parsed | string {
  if (query.operation !== 'query' && query.operation !== 'select') {
    return query.operation === 'insert' || query.operation === 'update' || query.operation === 'delete'
      ? `a write (\`${query.operation}\`) is not a lookup: batch it by hand (one statement for all items)`
      : `\`${query.description}\` is not a lookup by key`;
  }
  const { segments } = flattenChain(query.node);
  return query.operation === 'query' ? relational(segments, file, varies, iteration) : select(segments, file, varies, iteration);
}

const RELATIONAL_OPTIONS = new Set(['columns', 'with', 'extras']);

/** `db.query.users.findFirst({ where: eq(users.id, key), with: {…} })`. */
function relational(segments: ChainSegment[], file: FileContext, varies: (node: TSESTree.Node) => boolean, iteration: Iteration | null): Parsed | string {
  const method = segments.at(-1)!;
  const schemaKey = segments.at(-2)!.name;
  const arg = method.call?.arguments[0];
  if (arg?.type !== T.ObjectExpression) return 'the query has no `where` on a key column';
  let where: TSESTree.Node | null = null;
  const rest: TSESTree.Property[] = [];
  for (const prop of arg.properties) {
    if (prop.type !== T.Property) return 'its options are spread from another object';
    const name = keyName(prop.key, prop.computed);
    if (name === 'where') where = prop.value;
    else if (name && (RELATIONAL_OPTIONS.has(name) || (name === 'orderBy' && method.name === 'findMany'))) rest.push(prop);
    else return `\`${name ?? 'a computed option'}\` applies to each key on its own and cannot be batched with \`IN\``;
  }
  if (!where) return 'the query has no `where` on a key column';
  const condition = keyCondition(where, file, varies);
  if (typeof condition === 'string') return condition;
  const columns = rest.find((p) => keyName(p.key) === 'columns')?.value;
  if (columns && !keepsColumn(columns, condition.column)) {
    return `its \`columns\` leave out the key \`${condition.column}\`, which a batch needs to match rows to keys`;
  }
  const info = keyColumn(condition.table, condition.column, file);
  if (typeof info === 'string') return info;
  if (method.name === 'findFirst' && !info.unique) {
    return `\`findFirst\` by \`${condition.table.local}.${condition.column}\`, which is not unique: which row it returns depends on the plan, so no batch can reproduce it`;
  }
  const source = file.context.sourceCode.text;
  return finish(
    {
      kind: method.name === 'findFirst' ? 'one' : 'many',
      schemaKey,
      table: condition.table,
      column: condition.column,
      keyType: info.type,
      unique: info.unique,
      options: rest.map((p) => text(source, p)).join(', '),
      orderBy: '',
      fields: '',
      conditions: condition.extra.map((c) => text(source, c)),
      imports: [],
      locals: [],
    },
    [...rest, ...condition.extra],
    condition.key,
    file,
    iteration,
  );
}

const SELECT_STEPS = ['select', 'from', 'where'];

/**
 * `db.select(fields?).from(users).where(eq(users.id, key))`, then `.orderBy(…)` (each key's rows keep the
 * order when grouped) or `.limit(1)` on a unique column.
 */
function select(segments: ChainSegment[], file: FileContext, varies: (node: TSESTree.Node) => boolean, iteration: Iteration | null): Parsed | string {
  const entry = segments.findIndex((s) => s.name === 'select');
  if (entry === -1) return 'it is not a `select()` by key';
  const steps = segments.slice(entry);
  const order = steps.map((s) => s.name);
  // After the `where`: nothing, an `.orderBy()` or a `.limit()`, which is checked below.
  const tail = order.slice(SELECT_STEPS.length);
  const misplaced = order.slice(0, SELECT_STEPS.length).find((name, i) => name !== SELECT_STEPS[i]);
  const extra = misplaced ?? (tail.length > 1 ? tail[1] : tail.find((name) => name !== 'orderBy' && name !== 'limit'));
  if (extra) return `\`.${extra}()\` applies to each key on its own and cannot be batched with \`IN\``;
  if (order.length < 3) return 'the query has no `where` on a key column';
  const [selectCall, , whereCall] = steps.map((s) => s.call);
  const limitCall = tail[0] === 'limit' ? steps[3]!.call : undefined;
  const orderByCall = tail[0] === 'orderBy' ? steps[3]!.call : undefined;
  const fields = selectCall?.arguments[0];
  if (selectCall!.arguments.length > 1 || (fields && fields.type !== T.ObjectExpression)) return 'its selection is not an object of fields';
  const condition = keyCondition(whereCall?.arguments[0] ?? null, file, varies);
  if (typeof condition === 'string') return condition;
  const table = segments[entry + 1]!.call?.arguments[0];
  if (table?.type !== T.Identifier || table.name !== condition.table.local) return 'the key column is not a column of the queried table';
  const info = keyColumn(condition.table, condition.column, file);
  if (typeof info === 'string') return info;
  const limit = limitCall?.arguments[0];
  if (limitCall && !(info.unique && limit?.type === T.Literal && limit.value === 1)) {
    return '`.limit()` applies to each key on its own and cannot be batched with `IN`';
  }
  const source = file.context.sourceCode.text;
  return finish(
    {
      kind: 'rows',
      schemaKey: null,
      table: condition.table,
      column: condition.column,
      keyType: info.type,
      unique: info.unique,
      options: '',
      orderBy: orderByCall ? orderByCall.arguments.map((a) => text(source, a)).join(', ') : '',
      fields: fields ? text(source, fields) : '',
      conditions: condition.extra.map((c) => text(source, c)),
      imports: [],
      locals: [],
    },
    [...(fields ? [fields] : []), ...(orderByCall?.arguments ?? []), ...condition.extra],
    condition.key,
    file,
    iteration,
  );
}

/**
 * Adds the imports the copied parts use, and the local values they read. Locals are declined in a helper's
 * query (its caller cannot see them) and when the loop declares or assigns them (they change per item).
 */
function finish(lookup: Lookup, copied: TSESTree.Node[], key: TSESTree.Expression, file: FileContext, iteration: Iteration | null): Parsed | string {
  const imports = [lookup.table];
  const locals: string[] = [];
  for (const part of copied) {
    for (const id of identifiers(part)) {
      const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
      const def = variable?.defs[0];
      // Globals (`Date`) and the parameters of callbacks inside the copied code travel with it.
      if (!variable || !def || (def.name.range[0] >= part.range[0] && def.name.range[1] <= part.range[1])) continue;
      const need = importOf(id, file);
      if (need) {
        if (!imports.some((i) => i.local === need.local)) imports.push(need);
        continue;
      }
      const loop = iteration?.node;
      const changes = !loop || definedWithin(id, loop, file) || variable.references.some((r) => r.isWrite() && within(r.identifier, loop));
      if (changes) return `it uses \`${id.name}\`, which is local to this module: the loaders module cannot see it`;
      if (!locals.includes(id.name)) locals.push(id.name);
    }
  }
  return { lookup: { ...lookup, imports, locals }, key };
}

interface KeyCondition {
  table: ImportNeed;
  column: string;
  key: TSESTree.Expression;
  extra: TSESTree.Node[];
}

/** `eq(users.id, key)` (either way round), or `and(eq(…), …others)`. */
function keyCondition(where: TSESTree.Node | null, file: FileContext, varies: (node: TSESTree.Node) => boolean): KeyCondition | string {
  if (where && ASTUtils.isFunction(where)) return 'its `where` is a callback: write it as `eq(table.column, key)` for the codemod to read it';
  if (where?.type !== T.CallExpression) return 'the query has no `where` on a key column';
  const name = drizzleOperator(where.callee, file);
  if (name === 'and') {
    const parts = where.arguments.filter((a) => a.type === T.CallExpression && drizzleOperator(a.callee, file) === 'eq');
    for (const part of parts) {
      const found = keyCondition(part, file, varies);
      if (typeof found === 'string') continue;
      const extra = where.arguments.filter((a) => a !== part);
      const changing = extra.find(varies);
      if (changing) {
        return `its condition \`${text(file.context.sourceCode.text, changing)}\` changes per item too: a key of several columns needs a loader by hand`;
      }
      return { ...found, extra };
    }
    return 'the query has no `eq()` on a key column';
  }
  if (name !== 'eq' || where.arguments.length !== 2) return 'its condition is not `eq(table.column, key)`: a key of one column';
  const [a, b] = where.arguments as [TSESTree.Expression, TSESTree.Expression];
  for (const [column, key] of [
    [a, b],
    [b, a],
  ] as const) {
    if (column.type !== T.MemberExpression || column.object.type !== T.Identifier) continue;
    const tableName = column.object.name;
    const name = memberName(column);
    const table = importOf(column.object, file);
    if (name && table && !identifiers(key).some((id) => id.name === tableName)) return { table, column: name, key, extra: [] };
  }
  return 'its key is not a column of a table imported from a module';
}

function drizzleOperator(callee: TSESTree.Node, file: FileContext): string | null {
  if (callee.type !== T.Identifier) return null;
  const need = importOf(callee, file);
  return need && need.source.startsWith('drizzle-orm') ? need.imported : null;
}

/** The import an identifier (or `ns.x`) is bound to, if any. */
function importOf(node: TSESTree.Node, file: FileContext): ImportNeed | null {
  if (node.type !== T.Identifier) return null;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  if (def?.type !== 'ImportBinding' || def.node.type === T.TSImportEqualsDeclaration || def.node.parent?.type !== T.ImportDeclaration) {
    return null;
  }
  const imported = importedName(def.node);
  if (imported === '*' || def.node.parent.importKind === 'type') return null;
  return { local: node.name, imported, source: def.node.parent.source.value, file: file.context.physicalFilename };
}

function keyColumn(table: ImportNeed, column: string, file: FileContext): ColumnInfo | string {
  const columns = readTableColumns(table.local, file.context.physicalFilename, file.context.sourceCode.text);
  const info = columns?.get(column);
  if (!info) return `cannot read the declaration of \`${table.local}.${column}\` to tell whether it is unique`;
  // A loader matches keys by identity (a Map): two equal dates are two keys.
  if (info.type === 'date') return `the key \`${table.local}.${column}\` holds dates, which a loader cannot match by value`;
  return info;
}

// `columns: { id: true, handle: true }` keeps `id`; `columns: { body: false }` keeps all but `body`.
function keepsColumn(columns: TSESTree.Node, column: string): boolean {
  if (columns.type !== T.ObjectExpression) return false;
  const entries = columns.properties.map((p) => (p.type === T.Property ? [keyName(p.key, p.computed), p.value] : [null, null]));
  const value = (v: TSESTree.Node | null) => (v?.type === T.Literal ? v.value : undefined);
  if (entries.some(([, v]) => value(v as TSESTree.Node) === true)) {
    return entries.some(([k, v]) => k === column && value(v as TSESTree.Node) === true);
  }
  return entries.every(([k, v]) => k !== null && k !== column && value(v as TSESTree.Node) === false);
}

/** `ctx` from `({ ctx }) =>`, `opts.ctx` from `(opts) =>`, `ctx` to add to `({ input }) =>`, for the procedure around `node`. */
function procedureCtx(node: TSESTree.Node, file: FileContext): Pick<LookupSite, 'ctx' | 'addCtxAt'> {
  const none = { ctx: null, addCtxAt: null };
  const param = findEnclosingProcedure(node, file)?.resolver?.params[0];
  if (param?.type === T.Identifier) return { ctx: `${param.name}.ctx`, addCtxAt: null };
  if (param?.type !== T.ObjectPattern) return none;
  for (const prop of param.properties) {
    if (prop.type === T.Property && keyName(prop.key, prop.computed) === 'ctx') {
      return prop.value.type === T.Identifier ? { ctx: prop.value.name, addCtxAt: null } : none;
    }
  }
  const rest = param.properties.some((p) => p.type === T.RestElement);
  const scope = file.context.sourceCode.getScope(node);
  const taken = ASTUtils.findVariable(scope, 'ctx');
  return rest || taken || param.properties.length === 0 ? none : { ctx: 'ctx', addCtxAt: param.properties[0]!.range[0] };
}

/** Whether the callback awaits something before it reaches `node`: then its loads do not happen together. */
function awaitsBefore(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  let found = false;
  const body = (fn as TSESTree.FunctionLike).body;
  if (!body) return false;
  walk(body, (current) => {
    if (found || current.range[0] >= node.range[0] || (current !== body && ASTUtils.isFunction(current))) return false;
    if (current.type === T.AwaitExpression && current.range[1] <= node.range[0]) found = true;
    return !found;
  });
  return found;
}

/**
 * Where all keys can be computed before the items run: a `for…of` over a collection, or the statement with
 * `xs.map(…)`, in an async function. The key must be read from the item alone (`post.authorId`,
 * `post.author.id`), so that computing it for every item up front cannot throw or run anything.
 */
function batchPoint(iteration: Iteration, key: TSESTree.Node, file: FileContext): BatchPoint | string {
  const source = file.context.sourceCode.text;
  const statement = statementAt(iteration);
  const item = iteration.node.type === T.ForOfStatement ? forOfBinding(iteration.node) : (iteration.node as TSESTree.FunctionLike).params[0];
  const collection = iteration.collection;
  if (!statement || !item || !collection) return 'there is no statement in front of the loop to load all keys first';
  if (!isPlainReference(collection)) return `the collection \`${text(source, collection)}\` is computed: assign it to a variable first`;
  const own = new Set(iteration.variables.filter((v) => within(v, item)));
  const local = identifiers(key).find((id) => {
    const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
    const def = variable?.defs[0]?.name;
    return def && !own.has(def as TSESTree.Identifier) && within(def, iteration.node);
  });
  if (local) return `the key reads \`${local.name}\`, computed inside the loop`;
  const upfront = upfrontKey(key, own, source);
  if (!upfront) return `the key \`${text(source, key)}\` is not read from the item alone, so it cannot be computed for every item first`;
  if (statement.parent?.type !== T.BlockStatement) return 'the loop is the body of another statement: put it in braces first';
  if (!isInAsyncFunction(statement)) return 'the loop is not in an async function';
  const call = iteration.node.type === T.ForOfStatement ? null : findIterationCall(iteration.node)?.call;
  if (call && !runsWhenReached(call, statement)) {
    return `\`${text(source, collection)}\` is mapped only on some paths through its statement: loading its keys in front of it could run where the loop would not`;
  }
  const changed = changedInLoop(iteration.node, collection, upfront.key, own, source);
  if (changed) return `the loop changes \`${changed}\` while it runs, so keys read before it would not be the keys it reads`;
  const indent = /[^\S\n]*$/.exec(source.slice(0, statement.range[0]))![0];
  if (source.slice(statement.range[0] - indent.length - 1, statement.range[0] - indent.length) !== '\n') {
    return 'the loop does not start its own line';
  }
  const param = item.type === T.Identifier && item.typeAnnotation ? `(${text(source, item)})` : text(source, item);
  return {
    at: statement.range[0],
    indent,
    collection: text(source, collection),
    collectionRange: collection.range,
    item: item.type === T.Identifier ? param : `(${param})`,
    ...upfront,
  };
}

/**
 * Whether evaluating `statement` always reaches `node`: not only on one side of `?:`, `&&`, `||`, `??`,
 * an `if` or an optional call (`rows?.map(…)`), where the collection may be missing on the other.
 */
function runsWhenReached(node: TSESTree.Node, statement: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && child !== statement; child = parent, parent = parent.parent) {
    if (parent.type === T.ConditionalExpression && parent.test !== child) return false;
    if (parent.type === T.LogicalExpression && parent.right === child) return false;
    if (parent.type === T.IfStatement && parent.test !== child) return false;
    if (parent.type === T.ChainExpression || (parent.type === T.MemberExpression && parent.optional) || (parent.type === T.CallExpression && parent.optional)) return false;
    if (ASTUtils.isFunction(parent) || parent.type === T.SwitchCase || parent.type === T.TryStatement || parent.type === T.CatchClause) return false;
  }
  return true;
}

const MUTATORS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'reverse', 'sort', 'fill', 'copyWithin', 'length']);

/**
 * What the loop changes that its keys come from, as written: the collection (`queue.push(…)`, `queue = …`:
 * a `for…of` sees items added while it runs), or the key of an item (`post.authorId = …` before the read).
 */
function changedInLoop(loop: TSESTree.Node, collection: TSESTree.Node, key: string, own: ReadonlySet<TSESTree.Node>, source: string): string | null {
  const list = text(source, collection);
  const names = new Set([...own].map((v) => (v as TSESTree.Identifier).name));
  const plain = (node: TSESTree.Node) => text(source, node).replace(/\?\./g, '.').replace(/!/g, '');
  const keyPath = key.replace(/\?\./g, '.');
  let found: string | null = null;
  walk(loop, (node) => {
    if (found) return false;
    const target = node.type === T.AssignmentExpression ? node.left : node.type === T.UpdateExpression ? node.argument : null;
    if (target && target.type !== T.ObjectPattern && target.type !== T.ArrayPattern) {
      const written = plain(target);
      const root = rootIdentifier(target);
      if (written === list || written.startsWith(`${list}.`) || written.startsWith(`${list}[`)) found = written;
      else if (root && names.has(root.name) && (keyPath === written || keyPath.startsWith(`${written}.`) || keyPath.startsWith(`${written}[`))) found = written;
    }
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && MUTATORS.has(memberName(node.callee) ?? '') && plain(node.callee.object) === list) {
      found = list;
    }
    return !found;
  });
  return found;
}

/** The statement a batch goes in front of: the `for…of` itself, or the statement that holds `xs.map(…)`. */
function statementAt(iteration: Iteration): TSESTree.Node | null {
  if (iteration.node.type === T.ForOfStatement) return iteration.node;
  const call = findIterationCall(iteration.node);
  return call && enclosingStatement(call.call);
}

function forOfBinding(loop: TSESTree.ForOfStatement): TSESTree.Node | undefined {
  return loop.left.type === T.VariableDeclaration ? loop.left.declarations[0]?.id : undefined;
}

/**
 * `post.authorId` as is; `post.author.id` as `post.author?.id` (an item without an author has no key, where
 * the loop may have checked before reading it); `null` for anything but property reads of an item binding.
 */
function upfrontKey(key: TSESTree.Node, own: ReadonlySet<TSESTree.Node>, source: string): { key: string; optional: boolean } | null {
  let node = key;
  while (node.type === T.TSNonNullExpression || node.type === T.TSAsExpression || node.type === T.ChainExpression) node = node.expression;
  if (node.type === T.Identifier) return [...own].some((v) => (v as TSESTree.Identifier).name === node.name) ? { key: node.name, optional: false } : null;
  if (node.type !== T.MemberExpression) return null;
  const property = node.computed ? (node.property.type === T.Literal ? text(source, node.property) : null) : memberName(node);
  if (property === null) return null;
  const object = upfrontKey(node.object, own, source);
  if (!object) return null;
  // The item itself is never missing; what it holds may be.
  const nested = object.key.includes('.') || object.key.includes('[');
  const access = node.computed ? `${nested ? '?.' : ''}[${property}]` : `${nested ? '?.' : '.'}${property}`;
  return { key: `${object.key}${access}`, optional: object.optional || nested };
}

function enclosingStatement(node: TSESTree.Node): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = node; current?.parent; current = current.parent) {
    if (current.parent.type === T.BlockStatement) return current;
    if (ASTUtils.isFunction(current.parent) || current.parent.type === T.Program) return null;
  }
  return null;
}

function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === T.Identifier) return true;
  return node.type === T.MemberExpression && !node.computed && isPlainReference(node.object);
}

function within(node: TSESTree.Node, region: TSESTree.Node): boolean {
  return node.range[0] >= region.range[0] && node.range[1] <= region.range[1];
}

/** `tx` of `tx.query.users`, `ctx` of `ctx.db`: the binding a query's database is read from. */
function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | null {
  if (node.type === T.Identifier) return node;
  return node.type === T.MemberExpression ? rootIdentifier(node.object) : null;
}

/** Whether the variable `id` reads is declared inside `region`. */
function definedWithin(id: TSESTree.Identifier, region: TSESTree.Node, file: FileContext): boolean {
  const def = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id)?.defs[0]?.name;
  return Boolean(def && within(def, region));
}

function isInAsyncFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (ASTUtils.isFunction(current)) return current.async;
  return false;
}
