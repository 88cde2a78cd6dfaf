import { Node, ts, type SourceFile, type Type } from 'ts-morph';
import type { TsMorphCodemod, TsMorphOptions } from '../../src/codemods/contract.js';
import { UnparsableSource } from '../../src/codemods/analyze.js';
import { removeDeadImports } from '../../src/codemods/dead-imports.js';
import { codemodConfig } from '../../src/codemods/run-config.js';
import { applyEdits, freeName, type TextEdit } from '../../src/codemods/text-edits.js';
import { findWriteSites, type WriteSite } from '../../src/codemods/write-sites.js';
import { addNamedImport } from '../dataloader/trpc-context.js';
import { splitHelpers, type Touched } from './split-helpers.js';

/**
 * Rows per statement. Postgres takes at most 65,535 parameters per statement: 1,000 rows leave room for 65
 * columns each; `--chunk` lowers it for wider tables (or raises it for narrow ones).
 */
const CHUNKS = ['100', '250', '500', '1000', '2000', '5000'];
const DEFAULT_CHUNK = '1000';
/**
 * Updates whose `set` values change per item: one `CASE` on the key per such column (the default: proven
 * to leave the same rows on PGlite, repeated keys included), or `refuse` to leave them for a person.
 */
const PER_ITEM_SET = ['case', 'refuse'];
// SQLite's default limit of bound parameters (32,766 since 3.32; Postgres allows 65,535): a `CASE` batch binds
// the key once for `inArray` and twice more (the key, the value) per column set per item.
const MAX_PARAMETERS = 32_766;

export const codemod: TsMorphCodemod = {
  kind: 'ts-morph',
  name: 'batch-writes',
  description: 'Drizzle inserts, updates and deletes run once per item → one statement per chunk of items (values([…]), inArray)',
  accepts: { chunk: CHUNKS, 'per-item-set': PER_ITEM_SET },
  run(project, options) {
    const chunk = options.options.chunk ?? DEFAULT_CHUNK;
    const perItemSet = options.options['per-item-set'] === 'refuse' ? 'refuse' : 'case';
    let batched = 0;
    for (const [index, file] of options.files.entries()) {
      options.progress(index + 1);
      const source = project.getSourceFile(file);
      if (!source || !/\.[cm]?[jt]sx?$/.test(file)) continue;
      batched += rewriteFile(source, chunk, perItemSet, options);
    }
    if (batched > 0) {
      options.note(`${batched} per-item write${batched === 1 ? '' : 's'} batched, at most ${chunk} items a statement (--chunk)`);
      options.note('each batched statement writes its chunk all or nothing: review code that relied on the rows an earlier item wrote before a later one failed');
    }
  },
};

/** Rewrites the file's batchable writes; returns how many. */
function rewriteFile(source: SourceFile, chunk: string, perItemSet: 'case' | 'refuse', options: TsMorphOptions): number {
  const file = source.getFilePath();
  const before = source.getFullText();
  let results;
  try {
    results = findWriteSites(before, file, { perItemSet, rule: codemodConfig(file).options['no-n-plus-one'] });
  } catch (error) {
    // A file that does not parse has nothing to rewrite; anything else is a bug to report, not to hide.
    if (!(error instanceof UnparsableSource)) throw error;
    options.bail(file, error.line, error.reason);
    return 0;
  }
  const sites: WriteSite[] = [];
  for (const result of results) {
    if ('bail' in result) {
      options.bail(file, result.bail.line, result.bail.reason);
      continue;
    }
    const reason = typeProblem(source, result.site) ?? parameterProblem(result.site, chunk);
    if (reason) options.bail(file, result.site.line, reason);
    else sites.push(result.site);
  }
  // A loop whose writes are not all batched keeps them all: one left in the loop would change their order.
  const declined = new Set(results.flatMap((r) => ('bail' in r ? [] : [r.site])).filter((s) => !sites.includes(s)).map((s) => s.place.start));
  const batched = sites.filter((s) => {
    if (!declined.has(s.place.start)) return true;
    options.bail(file, s.line, 'another write of the same loop cannot be batched, and this one would then run before it instead of after');
    return false;
  });
  if (batched.length === 0) return 0;
  const sql = sqlBinding(source);
  if (batched.some((s) => s.needsSql) && sql === 'other') {
    for (const s of batched) options.bail(file, s.line, '`sql` here is not drizzle-orm\'s, and the batch writes SQL with it (`excluded` values, `CASE`)');
    return 0;
  }
  // What the file's types say before the rewrite: a rewrite that adds an error is undone.
  const errorsBefore = typeErrors(source);
  const helperErrors = new Map<string, string[]>();
  const split = splitHelpers(source.getProject(), file, batched, (f) => helperErrors.set(f.getFilePath(), typeErrors(f)));
  if (typeof split === 'string') {
    for (const s of batched) options.bail(file, s.line, split);
    return 0;
  }
  const undoSplit = () => {
    for (const t of split.touched) t.file.replaceWithText(t.before);
  };
  const edits: TextEdit[] = [...split.edits];
  const taken = new Map<string, string[]>();
  const operators = new Map<string, Set<string>>();
  for (const site of batched) {
    // One list per loop: unique in the block it is declared in (and unused anywhere in the file).
    const names = taken.get(String(site.place.block)) ?? [];
    const list = freeName(before, `${site.tableName}To${site.kind[0]!.toUpperCase()}${site.kind.slice(1)}`, names);
    taken.set(String(site.place.block), [...names, list]);
    const spread = site.itemIsArray ?? isArrayValue(source, site)!;
    const type = listType(site);
    if (site.mapped) {
      const item = site.item.trimStart().startsWith('{') ? `(${site.item})` : site.item;
      const method = spread ? 'flatMap' : 'map';
      const comments = site.comments.map((c) => `${c}\n${site.place.indent}`).join('');
      edits.push({ start: site.replace[0], end: site.replace[1], text: `${comments}const ${list}: ${type} = ${site.mapped.collection}.${method}((${site.mapped.params}) => ${item});` });
    } else {
      edits.push({ start: site.place.start, end: site.place.start, text: `const ${list}: ${type} = [];\n${site.place.indent}` });
      // `.values([a, b])` per item adds `a` and `b`.
      const inner = site.item.slice(1, -1);
      const pushed = site.helper
        ? `...${site.item}`
        : site.perItemSet
        ? `{ key: ${site.item}, set: { ${site.perItemSet.map((p) => p.text).join(', ')} } }`
        : site.itemIsArray
          ? inner.includes('\n') ? inner : inner.trim().replace(/,$/, '')
          : `${spread ? '...' : ''}${site.item}`;
      const comments = site.comments.map((c) => `${c}\n${site.writeIndent}`).join('');
      edits.push({ start: site.replace[0], end: site.replace[1], text: `${comments}${list}.push(${pushed});` });
      if (site.returning) edits.push({ ...lineOf(before, site.returning.pushRange), text: '' });
    }
    edits.push({ start: site.place.end, end: site.place.end, text: batchLoop(site, list, chunk) });
    if (site.kind !== 'insert') {
      const needed = operators.get(site.operators!) ?? new Set<string>();
      needed.add('inArray');
      if (site.conditions.length) needed.add('and');
      if (site.perItemSet) needed.add('eq');
      operators.set(site.operators!, needed);
    }
  }
  source.replaceWithText(applyEdits(before, edits));
  for (const [specifier, names] of operators) for (const name of names) addNamedImport(source, specifier, name);
  if (batched.some((s) => s.needsSql) && sql === 'none') addNamedImport(source, 'drizzle-orm', 'sql');
  for (const { helper } of batched) {
    if (!helper) continue;
    if (helper.imports.specifier) addNamedImport(source, helper.imports.specifier, helper.rowsName);
    if (helper.imports.specifier) addNamedImport(source, helper.imports.specifier, helper.insertName);
  }
  const after = source.getFullText();
  const pruned = removeDeadImports(before, after, file);
  if (pruned !== after) source.replaceWithText(pruned);
  const added = newErrors(errorsBefore, typeErrors(source)) ?? helperProblem(split.touched, helperErrors);
  if (added) {
    source.replaceWithText(before);
    undoSplit();
    for (const s of batched) options.bail(file, s.line, `batched, the file would not type-check (${added}): batch it by hand`);
    return 0;
  }
  return batched.length;
}

/** A new type error in a helper's module that the split changed, as `file: message`. */
function helperProblem(touched: Touched[], before: Map<string, string[]>): string | null {
  for (const t of touched) {
    const added = newErrors(before.get(t.file.getFilePath()) ?? [], typeErrors(t.file));
    if (added) return `${t.file.getBaseName()}: ${added}`;
  }
  return null;
}

/** The file's type errors, as messages (positions move with the rewrite). */
function typeErrors(source: SourceFile): string[] {
  return source
    .getPreEmitDiagnostics()
    .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error)
    .map((d) => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, ' '));
}

/** The first error that `after` has more often than `before`, if any. */
function newErrors(before: string[], after: string[]): string | null {
  const left = [...before];
  for (const message of after) {
    const index = left.indexOf(message);
    if (index === -1) return message.length > 120 ? `${message.slice(0, 119)}…` : message;
    left.splice(index, 1);
  }
  return null;
}

/**
 *   for (const u of users) { … await db.insert(t).values(row) … }
 *   → for (const u of users) { … list.push(row) … }
 *     for (let i = 0; i < list.length; i += 1000) { await db.insert(t).values(list.slice(i, i + 1000)); }
 * The loop over an empty list runs no statement: Drizzle rejects `values([])`.
 */
function batchLoop(site: WriteSite, list: string, chunk: string): string {
  const copied = [site.receiver, site.table, site.set ?? '', ...site.conditions, site.conflict, site.returning?.fields ?? ''].join(' ');
  const i = ['i', 'start', 'from', 'offset'].find((name) => freeName(copied, name) === name) ?? freeName(`${copied} ${list}`, 'i');
  const part = `${list}.slice(${i}, ${i} + ${chunk})`;
  let statement: string;
  if (site.helper) {
    statement = `await ${site.helper.insertName}(${site.receiver}, ${part});`;
  } else if (site.kind === 'insert') {
    const insert = `${site.receiver}.insert(${site.table}).values(${part})${site.conflict ? `.${site.conflict}` : ''}`;
    statement = site.returning ? `${site.returning.into}.push(...(await ${insert}.returning(${site.returning.fields})));` : `await ${insert}${site.terminal};`;
  } else if (site.perItemSet) {
    statement = caseUpdate(site, part, `${copied} ${list} ${i}`, site.place.indent + site.place.unit);
  } else {
    const keyed = `inArray(${site.column!.text}, ${part})`;
    const where = site.conditions.length ? `and(${site.conditions.map((c) => c ?? keyed).join(', ')})` : keyed;
    statement = `await ${site.receiver}.${site.kind}(${site.table})${site.set ? `.set(${site.set})` : ''}.where(${where})${site.terminal};`;
  }
  const { indent, unit } = site.place;
  // Parts written over several lines keep their layout, one level inside the new loop.
  const body = statement.split(`\n${site.writeIndent}`).join(`\n${indent}${unit}`);
  return `\n${indent}for (let ${i} = 0; ${i} < ${list}.length; ${i} += ${chunk}) {\n${indent}${unit}${body}\n${indent}}`;
}

/**
 *   const part = list.slice(i, i + 1000).reverse();
 *   await db.update(t).set({ status: "done", name: sql`case ${sql.join(part.map((row) => sql`when ${eq(t.id, row.key)}
 *     then ${sql.param(row.set.name, t.name)}`), sql` `)} else ${t.name} end` }).where(inArray(t.id, part.map((row) => row.key)));
 * Last item first: of a key listed twice the `CASE` takes the first match, the loop's last write. `else` the
 * column itself gives the `CASE` the column's type (Postgres would read untyped parameters as text), and
 * `sql.param(value, column)` encodes each value as `set()` does (JSON, dates).
 */
function caseUpdate(site: WriteSite, part: string, taken: string, indent: string): string {
  const chunkName = freeName(taken, 'part');
  const row = freeName(`${taken} ${chunkName}`, 'row');
  const column = (name: string) => `${site.table}.${name}`;
  const cases = site.perItemSet!.map(
    (p) => `${p.column}: sql\`case \${sql.join(${chunkName}.map((${row}) => sql\`when \${eq(${site.column!.text}, ${row}.key)} then \${sql.param(${row}.set.${p.column}, ${column(p.column)})}\`), sql\` \`)} else \${${column(p.column)}} end\``,
  );
  const set = [...(site.set ? [site.set] : []), ...cases].join(`,\n${indent}  `);
  const keyed = `inArray(${site.column!.text}, ${chunkName}.map((${row}) => ${row}.key))`;
  const where = site.conditions.length ? `and(${site.conditions.map((c) => c ?? keyed).join(', ')})` : keyed;
  return [
    `// Last item first: for a key listed twice, \`case\` takes the first match, which is the value the loop wrote last.`,
    `const ${chunkName} = ${part}.reverse();`,
    `await ${site.receiver}.update(${site.table}).set({\n${indent}  ${set},\n${indent}}).where(${where})${site.terminal};`,
  ].join(`\n${indent}`);
}

/** The item list's type: rows, keys, or keys with their values per column. */
function listType(site: WriteSite): string {
  if (site.helper) return `ReturnType<typeof ${site.helper.rowsName}>`;
  if (site.kind === 'insert') return `(typeof ${site.table}.$inferInsert)[]`;
  const key = `(typeof ${site.table}.$inferSelect)["${site.column!.key}"]`;
  if (!site.perItemSet) return `${key}[]`;
  return `Array<{ key: ${key}; set: Pick<typeof ${site.table}.$inferInsert, ${site.perItemSet.map((p) => `"${p.column}"`).join(' | ')}> }>`;
}

/** A `CASE` batch binds 1 + 2 × columns parameters per item: too many for one statement at this chunk size. */
function parameterProblem(site: WriteSite, chunk: string): string | null {
  if (!site.perItemSet) return null;
  const perItem = 1 + 2 * site.perItemSet.length;
  if (perItem * Number(chunk) <= MAX_PARAMETERS) return null;
  return `it sets ${site.perItemSet.length} columns per item: ${chunk} items would bind ${perItem * Number(chunk)} parameters, more than SQLite's ${MAX_PARAMETERS}; lower --chunk`;
}

/** Whether the file has a `sql` binding, and whether drizzle-orm's (imported from it, or from a module re-exporting it). */
function sqlBinding(source: SourceFile): 'drizzle' | 'other' | 'none' {
  for (const declaration of source.getImportDeclarations()) {
    const named = declaration.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === 'sql');
    if (named) return named.getName() === 'sql' && !declaration.isTypeOnly() && /^(drizzle-orm$|@)/.test(declaration.getModuleSpecifierValue()) ? 'drizzle' : 'other';
  }
  return source.getVariableDeclaration('sql') || source.getFunction('sql') ? 'other' : 'none';
}

/** What the types say against batching: a value that is not plainly one row or a list of rows, or rows that could change. */
function typeProblem(source: SourceFile, site: WriteSite): string | null {
  if (site.helper) {
    return site.mayMutate ? `the loop's other code could change what \`${site.helper.name}()\`'s row holds before the batched insert reads it` : null;
  }
  const node = nodeAt(source, site.itemRange);
  if (!node) return 'the codemod could not find the row it read';
  if (site.kind === 'insert' && site.itemIsArray === null && isArrayValue(source, site) === null) {
    return `the type of \`${site.item}\` does not say whether it is one row or a list of rows`;
  }
  for (const p of site.perItemSet ?? []) {
    const problem = perItemValueProblem(source, p, site.mayMutate);
    if (problem) return problem;
  }
  if (!site.mayMutate) return null;
  // The loop's other code runs before the batched write reads the listed values: they must be fresh and flat.
  const fresh = site.kind !== 'insert' || Node.isObjectLiteralExpression(node) || Node.isArrayLiteralExpression(node);
  if (!fresh || !holdsOnlyValues(node.getType(), 2)) {
    return `the loop's other code could change \`${site.item.length > 30 ? `${site.item.slice(0, 29)}…` : site.item}\` before the batched ${site.kind} reads it`;
  }
  return null;
}

/**
 * A value the `CASE` can hold as `set()` would: not `undefined` (for which `set()` leaves the column alone),
 * and plain values (not SQL, which could read the table); only strings, numbers and the like when the
 * loop's other code could change an object before the batch reads it.
 */
function perItemValueProblem(source: SourceFile, property: { column: string; valueRange: [number, number] }, mayMutate: boolean): string | null {
  const type = nodeAt(source, property.valueRange)?.getType();
  if (!type || type.isAny() || type.isUnknown()) return `the type of the value of \`${property.column}\` is not known: it could be SQL, or \`undefined\``;
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  if (parts.some((t) => t.isUndefined())) return `\`${property.column}\` may be \`undefined\`, which \`set()\` skips per item and one \`CASE\` cannot`;
  if (!holdsOnlyValues(type, mayMutate ? 0 : 2)) return `the value of \`${property.column}\` is not a plain value (SQL, or an object the loop may change)`;
  return null;
}

/** `true` for an array or tuple of rows, `false` for one row, `null` when the type does not tell. */
function isArrayValue(source: SourceFile, site: WriteSite): boolean | null {
  const node = nodeAt(source, site.itemRange);
  const type = node?.getType();
  if (!type || type.isAny() || type.isUnknown()) return null;
  if (type.isArray() || type.isTuple()) return true;
  if (type.isUnion()) return null;
  return type.isObject() ? false : null;
}

// Strings, numbers, booleans, `null`, dates; and objects (to `depth`) of only those.
function holdsOnlyValues(type: Type, depth: number): boolean {
  if (type.isUnion()) return type.getUnionTypes().every((t) => holdsOnlyValues(t, depth));
  const flags = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.EnumLike;
  if ((type.getFlags() & flags) !== 0) return true;
  if (type.getSymbol()?.getName() === 'Date') return true;
  if (depth === 0 || !type.isObject() || type.getCallSignatures().length) return false;
  if (type.isArray()) return holdsOnlyValues(type.getArrayElementTypeOrThrow(), depth - 1);
  return type.getProperties().every((p) => {
    const declaration = p.getValueDeclaration() ?? p.getDeclarations()[0];
    return declaration !== undefined && holdsOnlyValues(p.getTypeAtLocation(declaration), depth - 1);
  });
}

function nodeAt(source: SourceFile, [start, end]: [number, number]): Node | undefined {
  return source.getDescendantAtStartWithWidth(start, end - start);
}

// A statement's whole line, its line break included, when nothing else is on it.
function lineOf(text: string, [start, end]: [number, number]): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', start - 1);
  const alone = /^[^\S\n]*$/.test(text.slice(lineStart + 1, start)) && /^[^\S\n]*(\n|$)/.test(text.slice(end));
  return alone ? { start: lineStart, end } : { start, end };
}
