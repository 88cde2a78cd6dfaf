import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { resolveCallee } from '../recognizers/callee.js';
import { flattenChain, keyName, memberName, type ChainSegment } from '../recognizers/chain.js';
import type { DrizzleQuery } from '../recognizers/drizzle-query.js';
import type { FileContext } from '../recognizers/analysis-types.js';
import { readText } from '../recognizers/disk.js';
import { readTableColumns } from '../recognizers/drizzle-schema.js';
import { resolveProjectModule } from '../recognizers/module-graph.js';
import { originOf } from '../recognizers/origin.js';
import { dependsOnIteration, findIterationCall, identifiers, type Iteration } from '../recognizers/per-item.js';
import { walk } from '../recognizers/walk.js';
import { findNPlusOne, type NPlusOneOptions } from '../detect/n-plus-one.js';
import { analyzeSource } from './analyze.js';
import { readInsertHelper, twinImport, type InsertHelper, type TwinImport } from './insert-helper.js';
import { findWrite } from './loop-writes.js';
import { applyEdits, freeName } from './text-edits.js';
import { indentBefore, text } from './source-text.js';

export type WriteKind = 'insert' | 'update' | 'delete';

/** The statement the item lists are declared in front of, and the batched writes put after. */
export interface BatchPlace {
  start: number;
  end: number;
  indent: string;
  /** One level of the file's indentation (a tab, two or four spaces), as the loop body shows it. */
  unit: string;
  /** The block the statement is in: where the item lists are declared. */
  block: [number, number];
}

export interface WriteSite {
  line: number;
  kind: WriteKind;
  /** The table as written (`posts`, `schema.keys`), and the last part of it, to name the list after. */
  table: string;
  tableName: string;
  /** The database or transaction the write runs on (`db`, `tx`), as written. */
  receiver: string;
  /** What one item contributes, as written: the row (insert) or the key (update, delete). */
  item: string;
  itemRange: [number, number];
  /** `.values([…])` adds several rows per item, `.values({…})` one; `null`: only the value's type tells. */
  itemIsArray: boolean | null;
  /** The key column as written (`posts.id`) and its property name (`id`), for updates and deletes. */
  column: { text: string; key: string } | null;
  /** Conditions `and()`-ed with the key that are the same for every item, as written; the key's is `null`. */
  conditions: Array<string | null>;
  /** The `set({…})` of an update, as written; with `perItemSet`, the properties that are the same for every item, without braces. */
  set: string | null;
  /**
   * `set({ name: user.name.trim() })` by one key per item: the properties whose values change per item, as
   * written (`name: user.name.trim()`, or `position` shorthand), with their columns. Each becomes one
   * `CASE` on the key in the batched update.
   */
  perItemSet: Array<{ column: string; text: string; valueRange: [number, number] }> | null;
  /** `.onConflictDoNothing(…)` as written, or `''`. */
  conflict: string;
  /** The batch uses drizzle-orm's `sql` (an upsert's `excluded` values, a `CASE` per column), which the file must import. */
  needsSql: boolean;
  /** `.run()` or `.execute()` that ends the chain (libSQL, any dialect), or `''`. */
  terminal: string;
  /**
   * `const [row] = await db.insert(t).values(v).returning(); created.push(row);`: the rows go to `into`, in
   * item order; `pushRange` is the `created.push(row);` statement, which goes with the write.
   */
  returning: { into: string; fields: string; pushRange: [number, number] } | null;
  /** The range the item list's `push` replaces: the statement of the write, or a callback's whole body. */
  replace: [number, number];
  /** The indentation of the write's line: its multi-line parts are re-indented from it. */
  writeIndent: string;
  /** Comments of the replaced code that no copied part holds: they go above the `push`. */
  comments: string[];
  /** `await Promise.all(xs.map((x) => db.insert(t).values(…)))`: the whole statement becomes `xs.map(…)`. */
  mapped: { collection: string; params: string } | null;
  place: BatchPlace;
  /** The loop's other code could change an object an item holds before the batched write reads it. */
  mayMutate: boolean;
  /** The module the file imports drizzle-orm's operators from (`drizzle-orm`, or a package re-exporting it). */
  operators: string | null;
  /** An insert through a helper: the loop pushes what its twin builds (`item`), and the helper's module is split. */
  helper?: InsertHelper & { imports: TwinImport };
}

export type WriteResult = { site: WriteSite } | { bail: { line: number; reason: string } };

export interface WriteSiteOptions {
  /** Updates whose `set` values change per item: one `CASE` per column (`case`, the default) or left alone. */
  perItemSet?: 'case' | 'refuse';
  /** The user's `no-n-plus-one` options: they decide which writes are the rule's findings. */
  rule?: NPlusOneOptions;
}

interface Candidate {
  node: TSESTree.CallExpression;
  iteration: Iteration;
  result: WriteSite | string;
}

/**
 * The inserts, updates and deletes that `no-n-plus-one` reports in `source` (one statement per item of a
 * collection, found the way the rule finds them), each described as one batch after the loop or declined
 * with the reason. Reads are not listed: they are the `dataloader` codemod's.
 *
 * A loop is batched whole or not at all: every statement it awaits must be one of its batchable writes, to
 * tables of their own, so moving them after the loop changes no order any item can see. Declined: loops
 * that await anything else (a read, a write through a helper) or leave the function (`return`); writes in
 * `try`, whose per-item errors are handled; rows or keys computed with `await`, or with SQL that could read
 * what earlier items wrote; updates whose `set` changes per item unless `perItemSet` is `case` (the default:
 * one `CASE` per column, on one key); upserts (`onConflictDoUpdate`), where two items with one key update the
 * row twice, which one statement cannot.
 */
export function findWriteSites(source: string, filePath: string, options: WriteSiteOptions = {}): WriteResult[] {
  return analyzeSource<WriteResult>(source, filePath, (file, found) => {
    const candidates: Candidate[] = [];
    const helpers: WriteResult[] = [];
    return {
      CallExpression(node) {
        const finding = findNPlusOne(node, file, options.rule);
        if (!finding || finding.via === 'blind') return;
        if (finding.via === 'helper') {
          const name = text(file.context.sourceCode.text, node.callee);
          if (isWrite(finding.operation)) {
            const inside = (why: string) => `the ${finding.operation} is inside \`${name}()\`${why}: give it a form that takes all items, then call it once`;
            const helped = finding.operation === 'insert' && finding.helpers.length === 1 ? helperInsert(node, finding.iteration, file, inside) : null;
            if (helped) candidates.push({ node, iteration: finding.iteration, result: helped });
            else helpers.push({ bail: { line: node.loc.start.line, reason: inside('') } });
            return;
          }
          // A helper that reads first and writes after (as `no-n-plus-one` and the dataloader see it): listed too.
          const target = resolveCallee(node, file);
          const write = target && findWrite(target.fn.body ?? target.fn, target.file, 1);
          if (write) helpers.push({ bail: { line: node.loc.start.line, reason: `\`${name}()\` reads and runs ${write} per item: give it a form that takes all items, then call it once` } });
          return;
        }
        const { query, iteration } = finding;
        if (!isWrite(query.operation)) return;
        candidates.push({ node, iteration, result: describeWrite(node, query, iteration, file, options) });
      },
      'Program:exit'() {
        for (const result of [...helpers, ...settleLoops(candidates, file)].sort((a, b) => lineOf(a) - lineOf(b))) found(result);
      },
    };
  });
}

function isWrite(operation: string): operation is WriteKind {
  return operation === 'insert' || operation === 'update' || operation === 'delete';
}

/** Batches a loop only when all its writes can be batched and it awaits nothing else. */
function settleLoops(candidates: Candidate[], file: FileContext): WriteResult[] {
  const results: WriteResult[] = [];
  const byLoop = new Map<TSESTree.Node, Candidate[]>();
  for (const c of candidates) byLoop.set(c.iteration.node, [...(byLoop.get(c.iteration.node) ?? []), c]);
  for (const [loop, group] of byLoop) {
    const declined = group.find((c) => typeof c.result === 'string');
    const reason = declined
      ? null
      : otherAwait(loop, group, file) ?? effectCall(loop, group, file) ?? leavesLoop(loop, group[0]!.iteration) ?? sharedTable(group);
    for (const c of group) {
      const line = c.node.loc.start.line;
      if (typeof c.result === 'string') results.push({ bail: { line, reason: c.result } });
      else if (declined) results.push({ bail: { line, reason: `the write on line ${declined.node.loc.start.line} of the same loop cannot be batched, and this one would then run before it instead of after` } });
      else if (reason) results.push({ bail: { line, reason } });
      else results.push({ site: c.result });
    }
  }
  return results;
}

function lineOf(result: WriteResult): number {
  return 'site' in result ? result.site.line : result.bail.line;
}

/** An `await` in the loop that is not one of its writes: it would then run before writes it ran after. */
function otherAwait(loop: TSESTree.Node, group: Candidate[], file: FileContext): string | null {
  const own = new Set<TSESTree.Node>(group.map((c) => c.node));
  let other: TSESTree.Node | null = null;
  walk(bodyOf(loop), (node) => {
    if (other) return false;
    if ((node.type === T.AwaitExpression && !own.has(unwrapAwaited(node.argument))) || node.type === T.YieldExpression) other = node;
    if (node.type === T.ForOfStatement && node.await) other = node;
    return !other;
  });
  if (!other) return null;
  const found = other as TSESTree.Node;
  const snippet = text(file.context.sourceCode.text, found).replace(/\s+/g, ' ');
  return `the loop also awaits \`${snippet.length > 40 ? `${snippet.slice(0, 39)}…` : snippet}\` (line ${found.loc.start.line}), which would then run before writes it now follows`;
}

/**
 * A call made for its effect (`notify(user.id);`, `void sync(id)`): it may start work that reads what the
 * write wrote, or write elsewhere, and would then run before the write instead of after it. Collecting
 * (`list.push(x)`, `seen.add(x)`) and logging change nothing a write can see.
 */
function effectCall(loop: TSESTree.Node, group: Candidate[], file: FileContext): string | null {
  const writes = group.map((c) => c.node);
  let found: TSESTree.Node | null = null;
  walk(bodyOf(loop), (node) => {
    if (found || writes.some((w) => within(node, w))) return false;
    const call = node.type === T.ExpressionStatement ? unwrapVoid(node.expression) : null;
    if (call?.type === T.CallExpression && !isCollecting(call)) found = call;
    return !found;
  });
  if (!found) return null;
  const call = found as TSESTree.CallExpression;
  return `the loop also calls \`${text(file.context.sourceCode.text, call.callee)}()\` (line ${call.loc.start.line}) for its effect, which would then happen before the writes it now follows`;
}

function unwrapVoid(node: TSESTree.Expression): TSESTree.Expression {
  return node.type === T.UnaryExpression && node.operator === 'void' ? node.argument : node;
}

const COLLECTING = new Set(['push', 'unshift', 'add']);

function isCollecting(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== T.MemberExpression) return false;
  if (callee.object.type === T.Identifier && callee.object.name === 'console') return true;
  return COLLECTING.has(memberName(callee) ?? '');
}

function unwrapAwaited(node: TSESTree.Node): TSESTree.Node {
  return node.type === T.TSNonNullExpression || node.type === T.TSAsExpression ? unwrapAwaited(node.expression) : node;
}

// What runs per item: a loop's body (and a `for`'s test and update), or a callback.
function bodyOf(loop: TSESTree.Node): TSESTree.Node {
  if (loop.type === T.ForStatement && (loop.test || loop.update)) return loop;
  return 'body' in loop && loop.body && !Array.isArray(loop.body) ? (loop.body as TSESTree.Node) : loop;
}

/** `return` in a loop skips the batch after it; `break outer` too. */
function leavesLoop(loop: TSESTree.Node, iteration: Iteration): string | null {
  if (iteration.kind === 'callback') return null;
  let reason: string | null = null;
  walk(bodyOf(loop), (node) => {
    if (reason || (ASTUtils.isFunction(node) && node !== loop)) return false;
    if (node.type === T.ReturnStatement) reason = `the loop can \`return\` (line ${node.loc.start.line}) before the writes after it would run`;
    if ((node.type === T.BreakStatement || node.type === T.ContinueStatement) && node.label && !labelWithin(node.label.name, node, loop)) {
      reason = `\`${node.type === T.BreakStatement ? 'break' : 'continue'} ${node.label.name}\` (line ${node.loc.start.line}) leaves the loop past the writes after it`;
    }
    return !reason;
  });
  return reason;
}

// `continue outer` and `break outer` where `outer:` labels the loop itself, or a statement inside it.
function labelWithin(label: string, from: TSESTree.Node, loop: TSESTree.Node): boolean {
  const top = loop.parent?.type === T.LabeledStatement ? loop.parent : loop;
  for (let current = from.parent; current; current = current.parent) {
    if (current.type === T.LabeledStatement && current.label.name === label) return true;
    if (current === top) return false;
  }
  return false;
}

function sharedTable(group: Candidate[]): string | null {
  const seen = new Map<string, number>();
  for (const c of group) {
    const site = c.result as WriteSite;
    // By its last name: a helper names its table as its own module does (`auditLog`, where this one may write `schema.auditLog`).
    const first = seen.get(site.tableName);
    if (first !== undefined) {
      return `the loop writes \`${site.table}\` on lines ${first} and ${site.line}: batched, every item's first write would run before any item's second`;
    }
    seen.set(site.tableName, site.line);
  }
  return null;
}

function describeWrite(node: TSESTree.CallExpression, query: DrizzleQuery, iteration: Iteration, file: FileContext, options: WriteSiteOptions): WriteSite | string {
  const source = file.context.sourceCode.text;
  const form = statementForm(query.node, iteration, file);
  if (typeof form === 'string') return form;
  const segments = flattenChain(query.node).segments;
  const entry = segments.findIndex((s) => s.name === query.operation && s.call?.arguments.length === 1);
  if (entry === -1 || segments.slice(0, entry).some((s) => s.call)) return `\`${query.description}\` is not a plain \`${query.operation}(table)\` chain`;
  const last = segments.at(-1)!;
  const terminal = (last.name === 'run' || last.name === 'execute') && last.call?.arguments.length === 0 ? `.${last.name}()` : '';
  if (terminal && form.returning) return 'the loop uses what the write returns';
  const steps = segments.slice(entry, terminal ? -1 : undefined);
  const table = steps[0]!.call!.arguments[0]!;
  if (table.type !== T.Identifier && table.type !== T.MemberExpression) return 'its table is not a name';
  const tableName = table.type === T.Identifier ? table.name : memberName(table);
  if (!tableName) return 'its table is not a name';
  const parsed = query.operation === 'insert' ? insertParts(steps, table, form, iteration, file) : keyedParts(steps, table, query.operation as WriteKind, iteration, file, options);
  if (typeof parsed === 'string') return parsed;
  if (form.mapped && parsed.perItemSet) return 'it sets values that change per item in a `Promise.all(xs.map(…))` callback: loop with `for…of` first, then it is batched';
  const item = parsed.item;
  if (!dependsOnIteration(item, iteration, file.context)) {
    return `it ${query.operation === 'insert' ? 'inserts the same row' : 'matches the same rows'} on every iteration: run it once, outside the loop`;
  }
  const perItem = [item, ...(parsed.perItemSet ?? []).map((p) => p.node.value)].map((n) => perItemProblem(n, table, file)).find(Boolean);
  if (perItem) return perItem;
  // What the batch after the loop copies must mean there what it meant in each item.
  const copied = [query.receiver, table, ...parsed.copied];
  const loopBound = copied.flatMap(identifiers).find((id) => isBoundInLoop(id, iteration, file));
  if (loopBound) return `\`${loopBound.name}\` is set inside the loop, and the batched statement after it would read it once`;
  const once = copied.map((part) => evaluatedOnce(part, table, file)).find(Boolean);
  if (once) return once;
  const place = placeOf(iteration, source);
  if (typeof place === 'string') return place;
  return {
    line: node.loc.start.line,
    kind: query.operation as WriteKind,
    table: text(source, table),
    tableName,
    receiver: text(source, query.receiver),
    item: text(source, item),
    itemRange: item.range,
    itemIsArray: query.operation === 'insert' ? (item.type === T.ArrayExpression ? true : item.type === T.ObjectExpression ? false : null) : false,
    column: parsed.column,
    conditions: parsed.conditions.map((c) => (c ? text(source, c) : null)),
    set: parsed.set ? setText(parsed.set, parsed.perItemSet, source) : null,
    perItemSet: parsed.perItemSet?.map((p) => ({ column: p.column, text: text(source, p.node), valueRange: p.node.value.range })) ?? null,
    conflict: parsed.conflict ? conflictText(parsed.conflict, parsed.upsert ?? null, text(source, table), source) : '',
    needsSql: Boolean(parsed.upsert?.excluded.length) || Boolean(parsed.perItemSet?.length),
    terminal,
    returning: form.returning && parsed.returning ? { ...form.returning, fields: parsed.returning } : null,
    replace: form.replace,
    writeIndent: /[^\S\n]*/.exec(source.slice(source.lastIndexOf('\n', node.range[0]) + 1))![0],
    comments: strayComments(form.replace, [item, ...parsed.copied, ...parsed.conditions, parsed.set, ...(parsed.perItemSet ?? []).map((p) => p.node), parsed.conflict?.call ?? null, parsed.conflict?.member.property ?? null], file),
    mapped: form.mapped,
    place,
    mayMutate: mayMutate(iteration, form.replace),
    operators: parsed.operators,
  };
}

/**
 *   for (const row of removed) await emitAudit(tx, ctx, { action: "delete", before: row });
 *   → for (const row of removed) auditLogToInsert.push(...emitAuditRows(ctx, { action: "delete", before: row }));
 * A helper whose one write is its last statement, an insert of a row it builds (`readInsertHelper`): the
 * row is still built where the helper ran, with every check and throw of the helper's own code; only the
 * insert waits for the batch. `null` when the helper is not read; a string says why it is not batched
 * (`inside` words what the helper does that the codemod does not split).
 */
function helperInsert(node: TSESTree.CallExpression, iteration: Iteration, file: FileContext, inside: (why: string) => string): WriteSite | string | null {
  const target = resolveCallee(node, file);
  if (!target) return null;
  const helper = readInsertHelper(target);
  if (typeof helper === 'string') return inside(` (${helper})`);
  const source = file.context.sourceCode.text;
  const form = statementForm(node, iteration, file);
  if (typeof form === 'string') return form;
  if (form.mapped || form.returning) return 'it runs in a `Promise.all(xs.map(…))` callback: loop with `for…of` first, then it is batched';
  const args = node.arguments;
  const db = args[helper.dbParam];
  if (args.some((a) => a.type === T.SpreadElement) || args.length !== target.fn.params.length || !db || !isPlainReference(db)) {
    return 'its arguments are not one plain value per parameter';
  }
  const rest = args.filter((a) => a !== db);
  const perItem = rest.map((a) => perItemProblem(a, db, file)).find(Boolean);
  if (perItem) return perItem;
  if (!rest.some((a) => dependsOnIteration(a, iteration, file.context))) return 'it inserts the same row on every iteration: run it once, outside the loop';
  const loopBound = identifiers(db).find((id) => isBoundInLoop(id, iteration, file));
  if (loopBound) return `\`${loopBound.name}\` is set inside the loop, and the batched statement after it would read it once`;
  const imports = twinImport(node.callee, helper, file);
  if (typeof imports === 'string') return imports;
  const taken = [helper.rowsName, helper.insertName].find((n) => imports.specifier !== null && freeName(source, n) !== n && !importsName(file, n, imports.specifier));
  if (taken) return `this file has a \`${taken}\` of its own, and the batch needs the helper's`;
  const place = placeOf(iteration, source);
  if (typeof place === 'string') return place;
  const argsText = source.slice(rest[0]!.range[0], rest.at(-1)!.range[1]);
  return {
    line: node.loc.start.line,
    kind: 'insert',
    table: helper.table,
    tableName: helper.table,
    receiver: text(source, db),
    item: `${helper.rowsName}(${argsText})`,
    itemRange: node.range,
    itemIsArray: true,
    column: null,
    conditions: [],
    set: null,
    perItemSet: null,
    conflict: '',
    needsSql: false,
    terminal: '',
    returning: null,
    replace: form.replace,
    writeIndent: /[^\S\n]*/.exec(source.slice(source.lastIndexOf('\n', node.range[0]) + 1))![0],
    comments: strayComments(form.replace, rest, file),
    mapped: null,
    place,
    mayMutate: mayMutate(iteration, form.replace),
    operators: null,
    helper: { ...helper, imports },
  };
}

// A twin already imported from where the batch imports it: the same binding.
function importsName(file: FileContext, name: string, specifier: string | null): boolean {
  return file.context.sourceCode.ast.body.some(
    (s) => s.type === T.ImportDeclaration && s.source.value === specifier && s.specifiers.some((p) => p.type === T.ImportSpecifier && p.local.name === name && p.imported.type === T.Identifier && p.imported.name === name),
  );
}

interface Form {
  replace: [number, number];
  mapped: WriteSite['mapped'];
  /** `const [row] = await …returning()` followed by `into.push(row)`. */
  returning: { into: string; pushRange: [number, number] } | null;
}

/**
 * How the write sits in the item's code: `await write;` as a statement, the whole body of a
 * `Promise.all(xs.map(…))` callback, or `const [row] = await write.returning()` whose row is only pushed.
 */
function statementForm(query: TSESTree.CallExpression, iteration: Iteration, file: FileContext): Form | string {
  const source = file.context.sourceCode.text;
  const awaited = query.parent?.type === T.AwaitExpression ? query.parent : null;
  const expr: TSESTree.Node = awaited ?? query;
  const fn = enclosingFunction(expr);
  const loopFn = iteration.kind === 'callback' ? iteration.node : enclosingFunction(iteration.node);
  if (fn !== loopFn) return 'it runs in a function of its own inside the loop';
  if (inTry(expr, iteration.node)) return 'it is inside `try`: each item handles its own failure, which one batched statement cannot';
  if (iteration.kind === 'for-await' || iteration.kind === 'while' || iteration.kind === 'do-while') {
    return `a ${iteration.kind.replace('-', ' ')} loop may wait for what the writes changed between items: batch it by hand`;
  }
  if (iteration.kind === 'callback') {
    const statement = concurrentStatement(iteration);
    if (typeof statement === 'string') return statement;
    const callback = iteration.node as TSESTree.ArrowFunctionExpression;
    if (callback.body === expr) {
      const params = callback.params.map((p) => text(source, p)).join(', ');
      return { replace: statement.range, mapped: { collection: text(source, iteration.collection!), params }, returning: null };
    }
  }
  // better-sqlite3's synchronous `.run()`: not batched until a proof on a real SQLite can show it (no driver is installed here).
  if (!awaited && query.parent?.type === T.ExpressionStatement) return 'it runs without `await` (SQLite\'s synchronous `.run()`): batch it by hand';
  if (!awaited) return 'it is not awaited where it is written';
  const parent = awaited.parent;
  if (parent?.type === T.ExpressionStatement) return { replace: parent.range, mapped: null, returning: null };
  const declarator = parent?.type === T.VariableDeclarator && parent.init === awaited ? parent : null;
  const declaration = declarator?.parent;
  if (declarator && declaration?.type === T.VariableDeclaration && declaration.declarations.length === 1) {
    const pushed = pushedRow(declarator, declaration, iteration, file);
    if (typeof pushed === 'string') return pushed;
    return { replace: declaration.range, mapped: null, returning: pushed };
  }
  return 'its result is used where it is written';
}

/** `const [row] = await …; into.push(row);` with `row` used nowhere else and `into` from before the loop. */
function pushedRow(
  declarator: TSESTree.VariableDeclarator,
  declaration: TSESTree.VariableDeclaration,
  iteration: Iteration,
  file: FileContext,
): { into: string; pushRange: [number, number] } | string {
  const used = 'the loop uses what the write returns';
  const pattern = declarator.id;
  const row = pattern.type === T.ArrayPattern && pattern.elements.length === 1 ? pattern.elements[0] : null;
  if (declaration.kind !== 'const' || row?.type !== T.Identifier) return used;
  const block = declaration.parent;
  const usesRow = `the loop uses the row it inserted (\`${row.name}\`) for more than collecting it: batched, no row exists before the loop ends`;
  if (block?.type !== T.BlockStatement) return usesRow;
  const next = block.body[block.body.indexOf(declaration) + 1];
  const call = next?.type === T.ExpressionStatement && next.expression.type === T.CallExpression ? next.expression : null;
  const callee = call?.callee;
  if (!call || callee?.type !== T.MemberExpression || memberName(callee) !== 'push' || callee.object.type !== T.Identifier) return usesRow;
  const argument = call.arguments[0];
  if (call.arguments.length !== 1 || argument?.type !== T.Identifier || argument.name !== row.name) return usesRow;
  const rowVar = ASTUtils.findVariable(file.context.sourceCode.getScope(row), row);
  if (rowVar?.references.some((r) => r.identifier !== argument && !r.init)) return usesRow;
  const into = callee.object;
  const intoVar = ASTUtils.findVariable(file.context.sourceCode.getScope(into), into);
  const loop = iteration.node;
  if (!intoVar || intoVar.defs.some((d) => within(d.name, loop))) return used;
  if (intoVar.references.some((r) => r.identifier !== into && within(r.identifier, loop))) {
    return `the loop reads \`${into.name}\` too, which would then hold the inserted rows only after it`;
  }
  return { into: into.name, pushRange: next!.range };
}

/** `await Promise.all(xs.map(async (x) => …));` as a statement of its own. */
function concurrentStatement(iteration: Iteration): TSESTree.ExpressionStatement | string {
  const call = findIterationCall(iteration.node);
  const all = call?.call.parent;
  const method = all?.type === T.CallExpression && all.callee.type === T.MemberExpression ? memberName(all.callee) : null;
  if (!call || call.method !== 'map' || all?.type !== T.CallExpression || all.arguments[0] !== call.call || method !== 'all') {
    return call?.method === 'forEach'
      ? '`.forEach()` does not wait for its callback: loop with `for…of` first'
      : `the items run in a \`.${call?.method ?? 'map'}()\` callback whose results are not simply awaited together: loop with \`for…of\` first`;
  }
  if (!isPlainReference(call.collection)) return `the collection \`…\` is computed: assign it to a variable first`;
  const awaited = all.parent;
  if (awaited?.type !== T.AwaitExpression || awaited.parent?.type !== T.ExpressionStatement) {
    return 'the results of `Promise.all()` are used: the callback\'s own results would change';
  }
  return awaited.parent;
}

interface Parts {
  item: TSESTree.Node;
  /** Parts of the write that the batch after the loop repeats. */
  copied: TSESTree.Node[];
  upsert?: Upsert | null;
  column: WriteSite['column'];
  conditions: Array<TSESTree.Node | null>;
  set: TSESTree.Node | null;
  perItemSet?: PerItemProperty[] | null;
  conflict: ChainSegment | null;
  returning: string | null;
  operators: string | null;
}

/** `insert(t).values(row)`, then `.onConflictDoNothing(…)` or `.returning(…)`. */
function insertParts(steps: ChainSegment[], table: TSESTree.Node, form: Form, iteration: Iteration, file: FileContext): Parts | string {
  const source = file.context.sourceCode.text;
  const values = steps[1];
  const value = values?.call?.arguments[0];
  if (values?.name !== 'values' || values.call?.arguments.length !== 1 || !value || value.type === T.SpreadElement) {
    return 'it is not `insert(table).values(row)`';
  }
  let conflict: ChainSegment | null = null;
  let upserted: Upsert | null = null;
  let returning: ChainSegment | null = null;
  for (const step of steps.slice(2)) {
    if (step.name === 'onConflictDoNothing' && !conflict && !returning) conflict = step;
    else if (step.name === 'returning' && !returning) returning = step;
    else if (step.name === 'onConflictDoUpdate' && !conflict && !returning) {
      const upsert = upsertParts(step, value, table, iteration, file);
      if (typeof upsert === 'string') return upsert;
      conflict = step;
      upserted = upsert;
    } else return `\`.${step.name}()\` is not a step this codemod batches`;
  }
  if (returning && !form.returning) return 'what `.returning()` gives is not pushed to a list: batch it by hand';
  if (form.returning && !returning) return 'the loop uses what the write returns';
  if (returning && conflict && !upserted) return '`.returning()` after `onConflictDoNothing()` leaves out the skipped items: their rows could not be matched to items';
  const call = returning?.call;
  const fields = call ? call.arguments.map((a) => text(source, a)).join(', ') : '';
  return {
    item: value,
    copied: [...(upserted ? upserted.copied : (conflict?.call?.arguments ?? [])), ...(call?.arguments ?? [])],
    upsert: upserted,
    column: null,
    conditions: [],
    set: null,
    conflict,
    returning: returning ? fields : null,
    operators: null,
  };
}

interface Upsert {
  /** The `set` values that are the item's own inserted values: they become `excluded.<column>`. */
  excluded: Array<{ node: TSESTree.Property; column: string }>;
  /** What the batch repeats as written: the target and the `set` values that are the same for every item. */
  copied: TSESTree.Node[];
}

/**
 *   for (const [key, value] of Object.entries(settings)) insert(t).values({ key, value })
 *     .onConflictDoUpdate({ target: t.key, set: { value } })
 * Two items with one key would make one statement update a row twice, which Postgres refuses: batched only
 * when the keys are distinct by construction (the keys of an object) and a target column holds them. A `set`
 * value that changes per item must be the item's inserted value, which `excluded.<column>` reads in a batch.
 */
function upsertParts(step: ChainSegment, row: TSESTree.Node, table: TSESTree.Node, iteration: Iteration, file: FileContext): Upsert | string {
  const refuse = 'an upsert (`onConflictDoUpdate`) whose items may share a key: one statement cannot update a row twice (Postgres refuses it); batched only over the keys of an object';
  const options = step.call?.arguments[0];
  if (step.call?.arguments.length !== 1 || options?.type !== T.ObjectExpression || row.type !== T.ObjectExpression) return refuse;
  const props = new Map<string, TSESTree.Property>();
  for (const p of options.properties) {
    const name = p.type === T.Property ? keyName(p.key, p.computed) : null;
    if (!name || (name !== 'target' && name !== 'set')) return `\`${name ?? '…'}\` in \`onConflictDoUpdate\` is not batched by this codemod`;
    props.set(name, p as TSESTree.Property);
  }
  const target = props.get('target')?.value;
  const set = props.get('set')?.value;
  if (!target || set?.type !== T.ObjectExpression) return refuse;
  const distinct = distinctKey(iteration);
  const columns = (target.type === T.ArrayExpression ? target.elements : [target]).map((c) => (c?.type === T.MemberExpression ? memberName(c) : null));
  const rowValue = (column: string) => {
    const p = row.properties.find((q) => q.type === T.Property && keyName(q.key, q.computed) === column);
    return p?.type === T.Property ? p.value : null;
  };
  const source = file.context.sourceCode.text;
  const ofTable = (target.type === T.ArrayExpression ? target.elements : [target]).every((c) => c?.type === T.MemberExpression && text(source, c.object) === text(source, table));
  const keyed = distinct && ofTable ? columns.find((c) => {
    const v = c ? rowValue(c) : null;
    return v?.type === T.Identifier && ASTUtils.findVariable(file.context.sourceCode.getScope(v), v)?.defs[0]?.name === distinct;
  }) : null;
  if (!keyed) return refuse;
  // An object's keys are distinct strings; only a text column keeps them distinct (`'01'` and `'1'` are one integer).
  const info = table.type === T.Identifier ? readTableColumns(table.name, file.context.physicalFilename, source)?.get(keyed) : undefined;
  if (info?.type !== 'string') return `the upsert's key \`${keyed}\` is not a text column the codemod can read: distinct keys of an object may meet in it`;
  const excluded: Upsert['excluded'] = [];
  const copied: TSESTree.Node[] = [target];
  for (const p of set.properties) {
    const column = p.type === T.Property ? keyName(p.key, p.computed) : null;
    if (!column || p.type !== T.Property) return 'its `onConflictDoUpdate` `set` is spread or computed';
    if (!dependsOnIteration(p.value, iteration, file.context)) {
      copied.push(p.value);
      continue;
    }
    const inserted = rowValue(column);
    if (!inserted || text(source, inserted) !== text(source, p.value)) {
      return `its upsert sets \`${column}\` to a value that changes per item and is not the row's own: one statement cannot`;
    }
    excluded.push({ node: p, column });
  }
  return { excluded, copied };
}

/** The loop variable that holds a different value on every iteration: the key of `Object.keys(o)` / `Object.entries(o)`. */
function distinctKey(iteration: Iteration): TSESTree.Identifier | null {
  const loop = iteration.node;
  if (loop.type !== T.ForOfStatement || loop.right.type !== T.CallExpression || loop.left.type !== T.VariableDeclaration) return null;
  const callee = loop.right.callee;
  const method = callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Object' ? memberName(callee) : null;
  const binding = loop.left.declarations[0]?.id;
  if (method === 'keys') return binding?.type === T.Identifier ? binding : null;
  const first = method === 'entries' && binding?.type === T.ArrayPattern ? binding.elements[0] : null;
  return first?.type === T.Identifier ? first : null;
}

/** `onConflictDoUpdate({ target, set: { value: sql\`excluded.${sql.identifier(t.value.name)}\` } })`. */
function conflictText(step: ChainSegment, upsert: Upsert | null, table: string, source: string): string {
  const start = step.member.property.range[0];
  const edits = (upsert?.excluded ?? []).map(({ node, column }) => ({
    start: node.range[0] - start,
    end: node.range[1] - start,
    text: `${text(source, node.key)}: sql\`excluded.\${sql.identifier(${table}.${column}.name)}\``,
  }));
  return applyEdits(source.slice(start, step.call!.range[1]), edits);
}

/** `delete(t).where(eq(t.key, key))`, `update(t).set({…}).where(eq(t.key, key))`, also `and(eq(…), …)`. */
function keyedParts(steps: ChainSegment[], table: TSESTree.Node, kind: WriteKind, iteration: Iteration, file: FileContext, options: WriteSiteOptions): Parts | string {
  const source = file.context.sourceCode.text;
  const expected = kind === 'update' ? ['update', 'set', 'where'] : ['delete', 'where'];
  const names = steps.map((s) => s.name);
  if (names.includes('returning')) return 'the loop uses what `.returning()` gives';
  if (names.join() !== expected.join() || steps.some((s) => s.call?.arguments.length !== 1)) {
    return `it is not \`${expected.map((n) => `${n}(…)`).join('.')}\``;
  }
  const set = kind === 'update' ? steps[1]!.call!.arguments[0]! : null;
  const perItemSet = set && dependsOnIteration(set, iteration, file.context) ? splitSet(set, iteration, file, options) : null;
  if (typeof perItemSet === 'string') return perItemSet;
  const where = steps.at(-1)!.call!.arguments[0]!;
  const key = keyCondition(where, text(source, table), iteration, file);
  if (typeof key === 'string') return key;
  const constant = perItemSet ? perItemSet.constant : set ? [set] : [];
  return {
    item: key.key,
    copied: [...constant, ...key.extra.filter((c) => c !== null)],
    column: key.column,
    conditions: key.extra,
    set,
    perItemSet: perItemSet?.perItem ?? null,
    conflict: null,
    returning: null,
    operators: key.operators,
  };
}

interface PerItemProperty {
  node: TSESTree.Property;
  column: string;
}

/**
 * `set({ status: "failed", resultReason: reason })`: the properties whose values change per item (each
 * item's value is listed with its key) and those that are the same for all (copied into the batch).
 */
function splitSet(set: TSESTree.Node, iteration: Iteration, file: FileContext, options: WriteSiteOptions): { perItem: PerItemProperty[]; constant: TSESTree.Node[] } | string {
  if ((options.perItemSet ?? 'case') === 'refuse') {
    return 'it sets values that change per item (`--per-item-set=case` batches them as one `CASE` per column)';
  }
  if (set.type !== T.ObjectExpression) return 'it sets values that change per item, from an object that is not written out: write its properties in `set({…})`';
  const perItem: PerItemProperty[] = [];
  const constant: TSESTree.Node[] = [];
  for (const p of set.properties) {
    const column = p.type === T.Property && !p.computed ? keyName(p.key, false) : null;
    if (p.type !== T.Property || !column || p.kind !== 'init' || p.method) return 'it sets values that change per item, with a spread or computed property: write each column out';
    if (dependsOnIteration(p.value, iteration, file.context)) perItem.push({ node: p, column });
    else constant.push(p.value);
  }
  return { perItem, constant };
}

/** The batch's `set({…})`: with values per item, only the properties that are the same for every item. */
function setText(set: TSESTree.Node, perItem: PerItemProperty[] | null | undefined, source: string): string {
  if (!perItem?.length || set.type !== T.ObjectExpression) return text(source, set);
  return set.properties.filter((p) => !perItem.some((q) => q.node === p)).map((p) => text(source, p)).join(', ');
}

interface KeyCondition {
  column: { text: string; key: string };
  key: TSESTree.Node;
  /** The `and()` arguments, `null` where the key's condition was. */
  extra: Array<TSESTree.Node | null>;
  operators: string;
}

function keyCondition(where: TSESTree.Node, table: string, iteration: Iteration, file: FileContext): KeyCondition | string {
  const source = file.context.sourceCode.text;
  const operator = operatorOf(where, file);
  if (operator?.name === 'and') {
    const args = (where as TSESTree.CallExpression).arguments;
    const keyed = args.filter((a) => dependsOnIteration(a, iteration, file.context));
    if (keyed.length !== 1) return keyed.length ? 'its conditions change per item in more than one column: a key of several columns needs a batch by hand' : 'its condition is the same on every iteration: run it once, outside the loop';
    const found = keyCondition(keyed[0]!, table, iteration, file);
    return typeof found === 'string' ? found : { ...found, extra: args.map((a) => (a === keyed[0] ? null : a)) };
  }
  const unproven = !operator && importedFrom(where, file);
  if (unproven) {
    return `\`${unproven.name}\` is imported from "${unproven.source}", which cannot be read to show it re-exports drizzle-orm (and \`inArray\` with it): install the workspace's packages, or import it from "drizzle-orm"`;
  }
  if (operator?.name !== 'eq' || (where as TSESTree.CallExpression).arguments.length !== 2) {
    return 'its condition is not `eq(table.column, key)`: write it so, or batch it by hand';
  }
  const [a, b] = (where as TSESTree.CallExpression).arguments as [TSESTree.Node, TSESTree.Node];
  for (const [column, key] of [
    [a, b],
    [b, a],
  ] as const) {
    if (column.type !== T.MemberExpression || text(source, column.object) !== table) continue;
    const name = memberName(column);
    if (name && !dependsOnIteration(column, iteration, file.context)) return { column: { text: text(source, column), key: name }, key, extra: [], operators: operator.source };
  }
  return `its key is not a column of \`${table}\``;
}

/** `eq(…)` or `and(…)` whose callee is imported from a module other than drizzle-orm. */
function importedFrom(node: TSESTree.Node, file: FileContext): { name: string; source: string } | null {
  if (node.type !== T.CallExpression || node.callee.type !== T.Identifier || !['eq', 'and'].includes(node.callee.name)) return null;
  const def = ASTUtils.findVariable(file.context.sourceCode.getScope(node.callee), node.callee)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.node.parent?.type !== T.ImportDeclaration) return null;
  return { name: node.callee.name, source: def.node.parent.source.value };
}

/** `eq` and `and` as imported from drizzle-orm (directly, or through a package of the project that re-exports it). */
function operatorOf(node: TSESTree.Node, file: FileContext): { name: string; source: string } | null {
  if (node.type !== T.CallExpression || node.callee.type !== T.Identifier) return null;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(node.callee), node.callee);
  const def = variable?.defs[0];
  if (def?.type !== 'ImportBinding' || def.node.parent?.type !== T.ImportDeclaration || def.node.type !== T.ImportSpecifier) return null;
  const source = def.node.parent.source.value;
  if (!source.startsWith('drizzle-orm') && !reexportsDrizzle(source, file.context.physicalFilename)) return null;
  return { name: keyName(def.node.imported) ?? '', source };
}

/**
 * `@acme/db` whose entry has `export * from "drizzle-orm"`: its `eq` is drizzle-orm's, and `inArray` can be
 * imported from it too (a module that re-exports only some operators may lack it).
 */
function reexportsDrizzle(specifier: string, fromFile: string): boolean {
  const resolved = resolveProjectModule(specifier, fromFile);
  const source = resolved ? readText(resolved) : null;
  return source !== null && /^export\s*\*\s*from\s*["']drizzle-orm["']/m.test(source);
}

/** Per item, the row or key is computed in the loop as before; only what it needs from the database would change. */
function perItemProblem(item: TSESTree.Node, table: TSESTree.Node, file: FileContext): string | null {
  let problem: string | null = null;
  walk(item, (node) => {
    if (problem || (ASTUtils.isFunction(node) && node !== item)) return false;
    if (node.type === T.AwaitExpression || node.type === T.YieldExpression) problem = 'the row is computed with `await`: each item waits for something the batch would not';
    else if (node.type === T.TaggedTemplateExpression && readsTables(node, table, file)) {
      problem = 'the row holds SQL that could read what earlier items wrote; in one statement, it would not see them';
    } else if (node.type === T.CallExpression && recognizesBuilder(node, file)) problem = 'the row holds a query, which would not see what earlier items wrote';
    return !problem;
  });
  return problem;
}

/** Parts the batch evaluates once that ran once per item: a call (`randomUUID()`) would give every row one value. */
function evaluatedOnce(part: TSESTree.Node, table: TSESTree.Node, file: FileContext): string | null {
  const source = file.context.sourceCode.text;
  let problem: string | null = null;
  walk(part, (node) => {
    if (problem) return false;
    if (node.type === T.NewExpression && node.callee.type === T.Identifier && node.callee.name === 'Date' && node.arguments.length === 0) return false;
    // `Date.now()`, like `new Date()`: the time is read once per chunk instead of once per item.
    if (node.type === T.CallExpression && node.arguments.length === 0 && text(source, node.callee) === 'Date.now') return false;
    if (node.type === T.TaggedTemplateExpression) {
      if (readsTables(node, table, file)) problem = `\`${text(source, node).slice(0, 40)}\` reads the rows it writes: rows matched twice would change once`;
      return false;
    }
    // `eq(t.a, x)`, `isNull(t.b)`: drizzle-orm's operators only build SQL.
    if (node.type === T.CallExpression && operatorOf(node, file)) return true;
    if (node.type === T.CallExpression || node.type === T.NewExpression || node.type === T.AwaitExpression) {
      problem = `\`${text(source, node).replace(/\s+/g, ' ').slice(0, 40)}\` ran once per item and would run once for all`;
    }
    return !problem;
  });
  return problem;
}

// `sql\`${posts.count} + 1\``, `sql\`(select …)\``: SQL that reads table contents. `sql\`now()\`` does not.
function readsTables(node: TSESTree.TaggedTemplateExpression, table: TSESTree.Node, file: FileContext): boolean {
  const source = file.context.sourceCode.text;
  if (node.quasi.quasis.some((q) => /\bselect\b/i.test(q.value.raw))) return true;
  const tableText = text(source, table);
  return node.quasi.expressions.some((e) => {
    const written = text(source, e);
    return written === tableText || written.startsWith(`${tableText}.`) || e.type === T.CallExpression;
  });
}

function recognizesBuilder(node: TSESTree.CallExpression, file: FileContext): boolean {
  if (node.callee.type !== T.MemberExpression) return false;
  const origin = originOf(flattenChain(node).base, file);
  return origin?.package === 'drizzle-orm';
}

/** Declared inside the loop or assigned in it: its value after the loop is not the one each item saw. */
function isBoundInLoop(id: TSESTree.Identifier, iteration: Iteration, file: FileContext): boolean {
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
  if (!variable) return false;
  const loop = iteration.node;
  return variable.defs.some((d) => within(d.name, loop)) || variable.references.some((r) => r.isWrite() && within(r.identifier, loop));
}

/**
 * Whether the item's other code could change an object after it was listed: an assignment to a property,
 * `delete`, or a call, outside the write itself. The transform asks the row's type whether it holds objects.
 */
function mayMutate(iteration: Iteration, write: [number, number]): boolean {
  let found = false;
  walk(bodyOf(iteration.node), (node) => {
    if (found || (node.range[0] >= write[0] && node.range[1] <= write[1])) return false;
    if (node.type === T.AssignmentExpression && node.left.type !== T.Identifier) found = true;
    if (node.type === T.UpdateExpression && node.argument.type !== T.Identifier) found = true;
    if (node.type === T.UnaryExpression && node.operator === 'delete') found = true;
    if ((node.type === T.CallExpression || node.type === T.NewExpression) && !isPushTo(node)) found = true;
    return !found;
  });
  return found;
}

// `list.push(x)` adds to a list; it does not change `x`.
function isPushTo(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return node.type === T.CallExpression && node.callee.type === T.MemberExpression && memberName(node.callee) === 'push';
}

/** The loop statement (with its label), or the `await Promise.all(…)` statement, when it starts a line in a block. */
function placeOf(iteration: Iteration, source: string): BatchPlace | string {
  let statement: TSESTree.Node | null | undefined =
    iteration.kind === 'callback' ? concurrentStatementOrNull(iteration) : iteration.node;
  while (statement?.parent?.type === T.LabeledStatement) statement = statement.parent;
  const parent = statement?.parent;
  if (!statement || (parent?.type !== T.BlockStatement && parent?.type !== T.Program && parent?.type !== T.SwitchCase)) {
    return 'the loop is not a statement of a block: there is no place for the batch after it';
  }
  const indent = indentBefore(source, statement);
  if (source[statement.range[0] - indent.length - 1] !== '\n') return 'the loop does not start its own line';
  return { start: statement.range[0], end: statement.range[1], indent, unit: indentUnit(statement, indent, source), block: parent.range };
}

function strayComments(range: [number, number], kept: Array<TSESTree.Node | null>, file: FileContext): string[] {
  const inside = (c: TSESTree.Comment, n: TSESTree.Node | null) => n !== null && c.range[0] >= n.range[0] && c.range[1] <= n.range[1];
  return file.context.sourceCode
    .getAllComments()
    .filter((c) => c.range[0] >= range[0] && c.range[1] <= range[1] && !kept.some((n) => inside(c, n)))
    .map((c) => text(file.context.sourceCode.text, c as unknown as TSESTree.Node));
}

function indentUnit(statement: TSESTree.Node, indent: string, source: string): string {
  const inner = /\n([^\S\n]+)\S/.exec(source.slice(statement.range[0], statement.range[1]))?.[1];
  if (inner?.startsWith(indent) && inner.length > indent.length) return inner.slice(indent.length);
  return indent.includes('\t') ? '\t' : '  ';
}

function concurrentStatementOrNull(iteration: Iteration): TSESTree.Node | null {
  const statement = concurrentStatement(iteration);
  return typeof statement === 'string' ? null : statement;
}

function inTry(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === T.TryStatement) return true;
  }
  return false;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) if (ASTUtils.isFunction(current)) return current;
  return null;
}

function within(node: TSESTree.Node, region: TSESTree.Node): boolean {
  return node.range[0] >= region.range[0] && node.range[1] <= region.range[1];
}

function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === T.Identifier) return true;
  return node.type === T.MemberExpression && !node.computed && isPlainReference(node.object);
}
