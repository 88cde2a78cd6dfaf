import path from 'node:path';
import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { flattenChain } from '../recognizers/chain.js';
import type { ResolvedFunction } from '../recognizers/callee.js';
import { readText } from '../recognizers/disk.js';
import { recognizeDrizzleQuery } from '../recognizers/drizzle-query.js';
import { resolveProjectModule } from '../recognizers/module-graph.js';
import { identifiers } from '../recognizers/per-item.js';
import { walk } from '../recognizers/walk.js';
import { findWrite } from './loop-writes.js';
import { freeName, type TextEdit } from './text-edits.js';
import { indentBefore, text } from './source-text.js';

/**
 * A project function whose only effect on the database is its last statement, one insert of one row it
 * builds from its arguments, on a database it is given:
 *
 *   export async function emitAudit(tx: DB, ctx: Ctx, entry: Entry): Promise<void> {
 *     const parsed = schema.parse(entry);       // no await, no write
 *     if (nothingChanged(parsed)) return;        // inserts nothing
 *     await tx.insert(auditLog).values(rowOf(ctx, parsed));
 *   }
 *
 * Split (`split`), it keeps what it does, as two functions beside it: one builds the row without inserting
 * it, one inserts rows; a loop can then build each item's row where it did and insert them all after it:
 *
 *   export async function emitAudit(tx, ctx, entry) { await insertEmitAuditRows(tx, emitAuditRows(ctx, entry)); }
 *   export function emitAuditRows(ctx, entry) { …the same code, `return;` → `return [];`…; return [rowOf(ctx, parsed)]; }
 *   export async function insertEmitAuditRows(tx: DB, rows: ReturnType<typeof emitAuditRows>) { if (rows.length > 0) await tx.insert(auditLog).values(rows); }
 */
export interface InsertHelper {
  name: string;
  rowsName: string;
  insertName: string;
  file: string;
  /** The text of the helper's module that `split` edits. */
  source: string;
  /** The parameter the insert runs on: the caller's argument there becomes the batch's receiver. */
  dbParam: number;
  /** The table as the helper names it. */
  table: string;
  /** The edits of the helper's file that split it; `null` when it is split already. */
  split: TextEdit[] | null;
}

/** The helper `target` read as one insert of a row built from its arguments, or why it is not one. */
export function readInsertHelper(target: ResolvedFunction): InsertHelper | string {
  const { fn, file } = target;
  const source = file.context.sourceCode.text;
  const named = declaredName(fn);
  if (!named) return 'it is not a function declared by name at the top of its module';
  if (!fn.async || fn.generator || fn.typeParameters || fn.body?.type !== T.BlockStatement) return 'it is not a plain `async` function with a body';
  const params = fn.params.map((p) => (p.type === T.Identifier && !p.optional ? p.name : null));
  if (params.some((p) => p === null)) return 'its parameters are not plain names';
  const returnType = fn.returnType ? text(source, fn.returnType.typeAnnotation).replace(/\s/g, '') : 'Promise<void>';
  if (returnType !== 'Promise<void>') return 'it returns a value';
  const body = fn.body.body;
  const split = readSplit(named.name, body, params as string[], file);
  if (split) return split;
  const last = body.at(-1);
  const insert = insertOf(last, file);
  if (!insert) return 'its last statement is not `await db.insert(table).values(row)`';
  const dbParam = params.indexOf(insert.receiver);
  if (dbParam === -1) return 'it inserts on a database it is not given';
  const prefix = body.slice(0, -1);
  const problem = prefixProblem(prefix, insert.receiver, file) ?? (identifiers(insert.values).some((id) => id.name === insert.receiver) ? `its row reads \`${insert.receiver}\`` : null);
  if (problem) return problem;
  if (ownReturns(prefix).some((r) => r.argument)) return 'it returns a value';
  const rowsName = freeName(source, `${named.name}Rows`);
  const insertName = freeName(source, `insert${named.name[0]!.toUpperCase()}${named.name.slice(1)}Rows`, [rowsName]);
  // `return;` (nothing inserted) becomes `return [];` in the twin; the insert becomes `return [row];`.
  const indent = indentBefore(source, last!);
  const start = prefix[0]?.range[0] ?? last!.range[0];
  let prefixText = source.slice(start, last!.range[0]);
  for (const r of ownReturns(prefix).sort((a, b) => b.range[0] - a.range[0])) {
    const at = r.range[0] - start;
    prefixText = `${prefixText.slice(0, at)}return [];${prefixText.slice(r.range[1] - start)}`;
  }
  const rest = params.filter((_, i) => i !== dbParam);
  const paramsText = fn.params.filter((_, i) => i !== dbParam).map((p) => text(source, p)).join(', ');
  const rows = freeName(params.join(' '), 'rows');
  const exported = named.statement.type === T.ExportNamedDeclaration ? 'export ' : '';
  const twins = [
    '',
    '',
    `/** The row \`${named.name}()\` inserts, as a list (empty when it inserts none): a loop can collect its items' rows and insert them together. */`,
    `${exported}function ${rowsName}(${paramsText}) {`,
    `${indent}${prefixText}return [${text(source, insert.values)}];`,
    '}',
    '',
    `/** Inserts rows that \`${rowsName}()\` built, in one statement (none for no rows). */`,
    `${exported}async function ${insertName}(${text(source, fn.params[dbParam]!)}, ${rows}: ReturnType<typeof ${rowsName}>): Promise<void> {`,
    `${indent}if (${rows}.length > 0) await ${insert.receiver}.insert(${insert.table}).values(${rows});`,
    '}',
  ].join('\n');
  const bodyText = `{\n${indent}await ${insertName}(${insert.receiver}, ${rowsName}(${rest.join(', ')}));\n}`;
  return {
    name: named.name,
    rowsName,
    insertName,
    file: file.context.physicalFilename,
    source,
    dbParam,
    table: insert.table,
    split: [
      { start: fn.body.range[0], end: fn.body.range[1], text: bodyText },
      { start: named.statement.range[1], end: named.statement.range[1], text: twins },
    ],
  };
}

/** The helper's name and its top-level statement: `[export] async function f`, `[export] const f = async (…) => {…}`. */
function declaredName(fn: TSESTree.FunctionLike): { name: string; statement: TSESTree.Node } | null {
  let statement: TSESTree.Node | undefined = fn;
  let name: string | null = fn.type === T.FunctionDeclaration ? (fn.id?.name ?? null) : null;
  if (fn.type === T.ArrowFunctionExpression || fn.type === T.FunctionExpression) {
    const declarator = fn.parent;
    const declaration = declarator?.parent;
    if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier || declaration?.type !== T.VariableDeclaration) return null;
    if (declaration.kind !== 'const' || declaration.declarations.length !== 1) return null;
    name = declarator.id.name;
    statement = declaration;
  }
  if (statement.parent?.type === T.ExportNamedDeclaration) statement = statement.parent;
  return name && statement.parent?.type === T.Program ? { name, statement } : null;
}

interface Insert {
  receiver: string;
  table: string;
  values: TSESTree.Node;
}

/** `await db.insert(table).values(row);`, nothing more in the chain. */
function insertOf(statement: TSESTree.Statement | undefined, file: ResolvedFunction['file']): Insert | null {
  const awaited = statement?.type === T.ExpressionStatement && statement.expression.type === T.AwaitExpression ? statement.expression.argument : null;
  if (awaited?.type !== T.CallExpression || recognizeDrizzleQuery(awaited, file)?.operation !== 'insert') return null;
  const { base, segments } = flattenChain(awaited);
  const [insert, values] = segments;
  if (base.type !== T.Identifier || segments.length !== 2 || insert?.name !== 'insert' || values?.name !== 'values') return null;
  const table = insert.call?.arguments[0];
  const row = values.call?.arguments[0];
  if (insert.call?.arguments.length !== 1 || values.call?.arguments.length !== 1 || table?.type !== T.Identifier || !row || row.type === T.SpreadElement) return null;
  return { receiver: base.name, table: table.name, values: row };
}

/** What the code before the insert does that the twin could not do the same way, in the loop. */
function prefixProblem(prefix: TSESTree.Statement[], db: string, file: ResolvedFunction['file']): string | null {
  let problem: string | null = null;
  for (const statement of prefix) {
    walk(statement, (node) => {
      if (problem) return false;
      if (node.type === T.AwaitExpression || node.type === T.YieldExpression || (node.type === T.ForOfStatement && node.await)) problem = 'it awaits something before its insert';
      else if (ASTUtils.isFunction(node) && node.async) problem = 'it starts async work before its insert';
      else if (node.type === T.ThisExpression || (node.type === T.Identifier && node.name === 'arguments')) problem = 'it reads `this` or `arguments`';
      else if (node.type === T.Identifier && node.name === db) problem = `it uses \`${db}\` for more than its insert`;
      // A later item's call would change what an earlier item's row, built but not yet inserted, may hold.
      else if (changesProperty(node)) problem = `it changes a property (\`${text(file.context.sourceCode.text, node).slice(0, 30)}\`) before its insert, which an earlier item's row may hold until the batch`;
      return !problem;
    });
    // A write before the insert (SQLite's synchronous `.run()`, or in a function it calls) would run before every item's insert instead of before its own.
    const write: string | null = problem ? null : findWrite(statement, file, 2);
    if (write) problem = `it runs ${write} before its insert`;
    if (problem) return problem;
  }
  return null;
}

function changesProperty(node: TSESTree.Node): boolean {
  if (node.type === T.AssignmentExpression) return node.left.type !== T.Identifier;
  if (node.type === T.UpdateExpression) return node.argument.type !== T.Identifier;
  return node.type === T.UnaryExpression && node.operator === 'delete';
}

/** The helper's own `return` statements (not those of functions inside it), which must return nothing. */
function ownReturns(prefix: TSESTree.Statement[]): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  for (const statement of prefix) {
    walk(statement, (node) => {
      if (ASTUtils.isFunction(node)) return false;
      if (node.type === T.ReturnStatement) found.push(node);
      return true;
    });
  }
  return found;
}

/**
 * A helper split already (by an earlier run, or by hand in the same form): `await insertRows(db, rows(…))`
 * with both functions declared in its module. Its twins are known; nothing to edit.
 */
function readSplit(name: string, body: TSESTree.Statement[], params: string[], file: ResolvedFunction['file']): InsertHelper | null {
  const [only] = body;
  const call = body.length === 1 && only?.type === T.ExpressionStatement && only.expression.type === T.AwaitExpression ? only.expression.argument : null;
  if (call?.type !== T.CallExpression || call.callee.type !== T.Identifier || call.arguments.length !== 2) return null;
  const [db, built] = call.arguments;
  if (db?.type !== T.Identifier || built?.type !== T.CallExpression || built.callee.type !== T.Identifier) return null;
  const dbParam = params.indexOf(db.name);
  const rest = params.filter((_, i) => i !== dbParam).join();
  if (dbParam === -1 || built.arguments.map((a) => (a.type === T.Identifier ? a.name : '…')).join() !== rest) return null;
  const insertName = call.callee.name;
  const rowsName = built.callee.name;
  const inserter = topFunction(insertName, file);
  const guarded = inserter?.body?.type === T.BlockStatement && inserter.body.body.length === 1 ? inserter.body.body[0] : null;
  const insert = guarded?.type === T.IfStatement && !guarded.alternate ? insertOf(guarded.consequent, file) : null;
  if (!insert || !inserter?.async || !topFunction(rowsName, file)) return null;
  return { name, rowsName, insertName, file: file.context.physicalFilename, source: file.context.sourceCode.text, dbParam, table: insert.table, split: null };
}

function topFunction(name: string, file: ResolvedFunction['file']): TSESTree.FunctionDeclaration | null {
  for (const statement of file.context.sourceCode.ast.body) {
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === T.FunctionDeclaration && declaration.id?.name === name) return declaration;
  }
  return null;
}

/**
 * Where the caller imports the twin from: the module it imports the helper from, when that is the helper's
 * own, or a module that re-exports it (`export { emitAudit } from "./emit"`, which then re-exports the twin
 * too, or `export * from "./emit"`). `specifier` is `null` when the helper is the caller's own.
 */
export interface TwinImport {
  specifier: string | null;
  /** The re-exporting module and its edit (`export { emitAudit, emitAuditRows } from "./emit"`); `null` when none is needed. */
  reexport: { file: string; source: string; edit: TextEdit } | null;
}

export function twinImport(callee: TSESTree.Node, helper: InsertHelper, file: ResolvedFunction['file']): TwinImport | string {
  const caller = file.context.physicalFilename;
  if (callee.type !== T.Identifier) return 'the codemod cannot name its twin where it is called';
  if (path.resolve(helper.file) === path.resolve(caller)) return { specifier: null, reexport: null };
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  const declaration = def?.type === 'ImportBinding' ? def.node.parent : null;
  if (def?.node.type !== T.ImportSpecifier || declaration?.type !== T.ImportDeclaration || def.node.imported.type !== T.Identifier || def.node.imported.name !== helper.name) {
    return `\`${callee.name}\` is not imported by its name: the codemod cannot import its twin beside it`;
  }
  const specifier = declaration.source.value;
  const module = resolveProjectModule(specifier, caller);
  if (!module) return `"${specifier}" cannot be read`;
  if (path.resolve(module) === path.resolve(helper.file)) return { specifier, reexport: null };
  const source = readText(module) ?? '';
  const reaches = (from: string) => {
    const target = resolveProjectModule(from, module);
    return target !== null && path.resolve(target) === path.resolve(helper.file);
  };
  for (const match of source.matchAll(/^export\s*\*\s*from\s*["']([^"']+)["']/gm)) if (reaches(match[1]!)) return { specifier, reexport: null };
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/gm)) {
    const names = match[1]!.split(',').map((n) => n.trim());
    if (!reaches(match[2]!) || !names.includes(helper.name)) continue;
    if (names.includes(helper.rowsName) && names.includes(helper.insertName)) return { specifier, reexport: null };
    if (names.includes(helper.rowsName) || names.includes(helper.insertName)) break;
    const within = new RegExp(`(?<![\\w$])${helper.name.replace(/\$/g, '\\$')}(?![\\w$])`).exec(match[1]!)!.index;
    const at = match.index! + match[0].indexOf('{') + 1 + within + helper.name.length;
    return { specifier, reexport: { file: module, source, edit: { start: at, end: at, text: `, ${helper.rowsName}, ${helper.insertName}` } } };
  }
  return `"${specifier}" re-exports \`${helper.name}\` in a way the codemod does not follow: import it from its own module`;
}
