import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { flattenChain, importedName, keyName } from './chain.js';
import { readText, statOf } from './disk.js';
import { resolveProjectModule } from './module-graph.js';
import { Memo } from './memo.js';

/** What codemods need of a column: how its values travel in JSON, whether it can be NULL, whether it is unique. */
export interface ColumnInfo {
  /** `date` columns hold `Date` objects (Drizzle's default mode for `timestamp`). */
  type: 'number' | 'string' | 'date' | 'boolean';
  notNull: boolean;
  primaryKey: boolean;
  /** The primary key, `.unique()`, or the only column of a `uniqueIndex(…).on(t.col)`: one row per value. */
  unique: boolean;
}

export type TableColumns = Map<string, ColumnInfo>;

/** A column as the schema declares it: its key in the table object and its name in SQL. */
export interface SchemaColumn {
  key: string;
  sqlName: string;
  /** The builder that made it: `integer`, `jsonb`, or a project's `pgEnum` (`platformKind`). */
  builder: string;
  /** Only for Drizzle's own builders whose JavaScript value is known. */
  info: ColumnInfo | null;
  /** `boolean()`, or SQLite's `integer({ mode: "boolean" })`: two values, so no index on it alone pays. */
  boolean: boolean;
}

/** A primary key, unique constraint or index of a table: what the database can look rows up by. */
export interface TableKey {
  kind: 'primary' | 'unique' | 'index';
  /** As written (`posts_author_created_idx`); `null` when drizzle-kit names it. */
  name: string | null;
  /** Column keys in index order; an expression entry (`sql\`lower(${t.email})\``) ends the list. */
  columns: string[];
  /** The columns that `sql` entries of the index mention: an expression index on them. */
  expressionColumns: string[];
  /** `index().using("gin", …)`: `gin`; `null` for the default B-tree. */
  method: string | null;
  /** `.where(…)`: a partial index. */
  partial: boolean;
  /** Declared in the table's extra-config callback (so a codemod may edit it), with its source range there. */
  range: [number, number] | null;
  /** The range of the arguments of `.on(…)`, for a codemod that widens the index. */
  onRange: [number, number] | null;
}

/** Where a table's extra config (`(t) => [ … ]`) is, for a codemod that adds to it. */
export interface ExtraConfig {
  form: 'array' | 'object' | 'none' | 'other';
  /** The callback's first parameter (`t`, `table`). */
  param: string | null;
  /** Where a new entry goes: after the last entry, or the whole callback range when there is none. */
  range: [number, number];
  /** The entries' ranges, to read their indentation. */
  entries: Array<[number, number]>;
}

/** A Drizzle table as declared by `pgTable("posts", { … }, (t) => [ … ])`, read without running it. */
export interface TableSchema {
  file: string;
  /** The variable it is declared as (`posts`). */
  variable: string;
  /** The table's SQL name (`posts`). */
  sqlName: string;
  /** `pgTable`, `mysqlTable`, `sqliteTable`, or a `pgTableCreator` result. */
  factory: string;
  columns: Map<string, SchemaColumn>;
  keys: TableKey[];
  /** Marked `// hotpath-small-table`: a lookup table that a scan reads in one page. */
  small: boolean;
  /** The range of the factory call, and of its second argument (the columns). */
  callRange: [number, number];
  columnsRange: [number, number];
  extra: ExtraConfig;
}

// Drizzle's pg-core column builders, by the JavaScript value they read (in their default mode).
const BUILDERS: Record<string, ColumnInfo['type']> = {
  serial: 'number',
  smallserial: 'number',
  integer: 'number',
  smallint: 'number',
  real: 'number',
  doublePrecision: 'number',
  text: 'string',
  varchar: 'string',
  char: 'string',
  uuid: 'string',
  numeric: 'string',
  decimal: 'string',
  date: 'string',
  timestamp: 'date',
  boolean: 'boolean',
};

export const SMALL_TABLE_MARK = 'hotpath-small-table';

/**
 * The columns of the Drizzle table `name` as declared with `pgTable("…", { … })` in `file`, or in a project
 * module it is imported from (following `export *` and `export { … } from`, up to three modules deep).
 * `null` when the declaration is not found or is not a plain object of columns.
 */
export function readTableColumns(name: string, file: string, source?: string): TableColumns | null {
  const table = readTableSchema(name, file, source);
  if (!table) return null;
  const columns: TableColumns = new Map();
  for (const column of table.columns.values()) if (column.info) columns.set(column.key, { ...column.info });
  return columns;
}

/**
 * The table `name` as seen from `file`: declared there, or imported from a project module (relative, a
 * tsconfig alias, a workspace package), through schema barrels (`export *`, `export { x } from`, renames),
 * up to four modules deep. `null` when it is not found or not a table declaration we can read: no guessing.
 * `source` is the text of `file` when it is the file being linted (its edits may not be saved yet).
 */
export function readTableSchema(name: string, file: string, source?: string): TableSchema | null {
  return findTable(name, file, source, 0, new Set());
}

/** Every table declared in `file` itself (for a codemod that follows the module's naming style). */
export function readModuleTables(file: string, source?: string): TableSchema[] {
  return [...(summarize(file, source)?.tables.values() ?? [])].map((table) => ({ ...table, file }));
}

/** The same, for `schema.posts` where `import * as schema from "./schema"` is written in `file`. */
export function readNamespacedTable(namespace: string, name: string, file: string, source?: string): TableSchema | null {
  const summary = summarize(file, source);
  const link = summary?.links.find((l): l is Extract<Link, { kind: 'import' }> => l.kind === 'import' && l.local === namespace && l.imported === '*');
  const target = link ? resolveProjectModule(link.source, file) : null;
  return target ? findTable(name, target, undefined, 1, new Set()) : null;
}

function findTable(name: string, file: string, source: string | undefined, depth: number, seen: Set<string>): TableSchema | null {
  const key = `${file}\0${name}`;
  if (seen.has(key) || depth > 4) return null;
  seen.add(key);
  const summary = summarize(file, source);
  if (!summary) return null;
  const own = summary.tables.get(name);
  if (own) return { ...own, file };
  for (const link of summary.links) {
    if (link.kind === 'alias') {
      if (link.exported === name && link.local !== name) return findTable(link.local, file, source, depth, seen);
      continue;
    }
    const wanted = link.kind === 'all' ? name : link.kind === 'import' ? (link.local === name ? link.imported : null) : link.exported === name ? link.imported : null;
    if (!wanted || wanted === '*' || wanted === 'default') continue;
    const target = resolveProjectModule(link.source, file);
    const found = target ? findTable(wanted, target, undefined, depth + 1, seen) : null;
    if (found) return found;
  }
  return null;
}

type Link =
  | { kind: 'import'; local: string; imported: string; source: string }
  | { kind: 'reexport'; exported: string; imported: string; source: string }
  | { kind: 'all'; source: string }
  | { kind: 'alias'; exported: string; local: string };

/** What a module holds for schema questions: plain data only, so the cache keeps no tree alive. */
interface ModuleSummary {
  tables: Map<string, Omit<TableSchema, 'file'>>;
  links: Link[];
}

const summaries = new Memo<{ mtimeMs: number; summary: ModuleSummary | null }>(4096);
// eslint-disable-next-line no-restricted-syntax -- the last linted text's summary (plain data), compared by its text
let lastLinted: { file: string; source: string; summary: ModuleSummary | null } | null = null;

function summarize(file: string, source?: string): ModuleSummary | null {
  if (source !== undefined) {
    // The linted file is asked once per query: parse its text once per version.
    if (lastLinted?.file === file && lastLinted.source === source) return lastLinted.summary;
    const summary = summarizeText(source, file);
    lastLinted = { file, source, summary };
    return summary;
  }
  const mtimeMs = statOf(file)?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const cached = summaries.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.summary;
  const text = readText(file);
  const summary = text === null ? null : summarizeText(text, file);
  summaries.set(file, { mtimeMs, summary });
  return summary;
}

function summarizeText(text: string, file: string): ModuleSummary | null {
  let program: TSESTree.Program;
  try {
    program = parse(text, { jsx: file.endsWith('x'), range: true, comment: true });
  } catch {
    return null;
  }
  const tables = new Map<string, Omit<TableSchema, 'file'>>();
  const links: Link[] = [];
  let previousEnd = 0;
  for (const statement of program.body) {
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === T.VariableDeclaration) {
      for (const d of declaration.declarations) {
        if (d.id.type !== T.Identifier || d.init?.type !== T.CallExpression) continue;
        const table = tableOf(d.id.name, d.init);
        if (!table) continue;
        table.small = (program.comments ?? []).some(
          (c) => c.range[0] >= previousEnd && c.range[1] <= statement.range[1] && c.value.includes(SMALL_TABLE_MARK),
        );
        tables.set(d.id.name, table);
      }
    }
    if (statement.type === T.ImportDeclaration) {
      for (const spec of statement.specifiers) links.push({ kind: 'import', local: spec.local.name, imported: importedName(spec), source: statement.source.value });
    } else if (statement.type === T.ExportNamedDeclaration) {
      for (const spec of statement.specifiers) {
        const exported = keyName(spec.exported);
        const local = keyName(spec.local);
        if (!exported || !local) continue;
        links.push(statement.source ? { kind: 'reexport', exported, imported: local, source: statement.source.value } : { kind: 'alias', exported, local });
      }
    } else if (statement.type === T.ExportAllDeclaration && !statement.exported) {
      links.push({ kind: 'all', source: statement.source.value });
    }
    previousEnd = statement.range[1];
  }
  // Imports are followed before `export *`, which only says where else a name may be.
  links.sort((a, b) => Number(a.kind === 'all') - Number(b.kind === 'all'));
  return { tables, links };
}

function tableOf(variable: string, call: TSESTree.CallExpression): Omit<TableSchema, 'file'> | null {
  const factory = call.callee.type === T.Identifier ? call.callee.name : call.callee.type === T.MemberExpression ? keyName(call.callee.property, call.callee.computed) : null;
  // `pgTable`, `sqliteTable`, `createTable` (a `pgTableCreator`), `mySchema.table`.
  if (!factory || !(factory.endsWith('Table') || factory === 'table')) return null;
  const [nameArg, shapeArg, extraArg] = call.arguments;
  const shape = shapeArg && objectOf(shapeArg);
  if (nameArg?.type !== T.Literal || typeof nameArg.value !== 'string' || !shape) return null;
  const columns = new Map<string, SchemaColumn>();
  const keys: TableKey[] = [];
  for (const prop of shape.properties) {
    if (prop.type !== T.Property || prop.value.type !== T.CallExpression) continue;
    const key = keyName(prop.key, prop.computed);
    const column = key ? columnOf(key, prop.value) : null;
    if (!key || !column) continue;
    columns.set(key, column.column);
    if (column.primaryKey) keys.push(plainKey('primary', key));
    else if (column.unique) keys.push(plainKey('unique', key));
  }
  const extra = extraOf(extraArg, call);
  for (const entry of extra.nodes) {
    const found = keyOf(entry);
    if (found) keys.push(found);
  }
  // What readTableColumns has always said is unique: the primary key, `.unique()`, or a one-column uniqueIndex.
  for (const key of keys) {
    const only = key.columns.length === 1 && key.expressionColumns.length === 0 && !key.partial ? columns.get(key.columns[0]!) : undefined;
    if (only?.info && key.kind !== 'index') only.info.unique = true;
  }
  return {
    variable,
    sqlName: nameArg.value,
    factory,
    columns,
    keys,
    small: false,
    callRange: call.range,
    columnsRange: shapeArg!.range,
    extra: { form: extra.form, param: extra.param, range: extra.range, entries: extra.nodes.map((n) => n.range) },
  };
}

// `{ id: serial() }`, or drizzle's callback form `(t) => ({ id: t.integer() })`.
function objectOf(node: TSESTree.Node): TSESTree.ObjectExpression | null {
  if (node.type === T.ObjectExpression) return node;
  if ((node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression) && node.body.type === T.ObjectExpression) return node.body;
  return null;
}

function columnOf(key: string, value: TSESTree.CallExpression): { column: SchemaColumn; primaryKey: boolean; unique: boolean } | null {
  const { base, segments } = flattenChain(value);
  // `integer("author_id")`, `t.integer()` in the callback form, or the first step of a chain.
  let builderCall: TSESTree.CallExpression | null = base.type === T.CallExpression && base.callee.type === T.Identifier ? base : null;
  let rest = segments;
  if (!builderCall && base.type === T.Identifier && segments[0]?.call) {
    builderCall = segments[0].call;
    rest = segments.slice(1);
  }
  if (!builderCall) return null;
  const builder = builderCall.callee.type === T.Identifier ? builderCall.callee.name : builderCall.callee.type === T.MemberExpression ? keyName(builderCall.callee.property) : null;
  if (!builder) return null;
  const nameArg = builderCall.arguments[0];
  const sqlName = nameArg?.type === T.Literal && typeof nameArg.value === 'string' ? nameArg.value : key;
  const names = rest.map((s) => s.name);
  const type = BUILDERS[builder];
  const primaryKey = names.includes('primaryKey');
  const info: ColumnInfo | null = type
    ? {
        type: type === 'date' && modeOf(builderCall) === 'string' ? 'string' : type === 'string' && builder === 'date' && modeOf(builderCall) === 'date' ? 'date' : type,
        notNull: names.includes('notNull') || primaryKey,
        primaryKey,
        unique: primaryKey || names.includes('unique'),
      }
    : null;
  const boolean = builder === 'boolean' || modeOf(builderCall) === 'boolean';
  return { column: { key, sqlName, builder, info, boolean }, primaryKey, unique: names.includes('unique') };
}

function plainKey(kind: TableKey['kind'], column: string): TableKey {
  return { kind, name: null, columns: [column], expressionColumns: [], method: null, partial: false, range: null, onRange: null };
}

interface ExtraNodes {
  form: ExtraConfig['form'];
  param: string | null;
  range: [number, number];
  nodes: TSESTree.Node[];
}

/** `(t) => [ … ]`, `(t) => ({ … })`, `(t) => { return [ … ]; }`; absent; or something else we do not edit. */
function extraOf(extra: TSESTree.Node | undefined, call: TSESTree.CallExpression): ExtraNodes {
  if (!extra) return { form: 'none', param: null, range: [call.range[1] - 1, call.range[1] - 1], nodes: [] };
  if (extra.type !== T.ArrowFunctionExpression && extra.type !== T.FunctionExpression) return { form: 'other', param: null, range: extra.range, nodes: [] };
  const param = extra.params[0]?.type === T.Identifier ? extra.params[0].name : null;
  let body: TSESTree.Node = extra.body;
  if (body.type === T.BlockStatement) {
    const returned = body.body.find((s): s is TSESTree.ReturnStatement => s.type === T.ReturnStatement)?.argument;
    if (!returned || body.body.length !== 1) return { form: 'other', param, range: extra.range, nodes: returned ? entriesOf(returned) : [] };
    body = returned;
  }
  const nodes = entriesOf(body);
  const form = body.type === T.ArrayExpression ? 'array' : body.type === T.ObjectExpression ? 'object' : 'other';
  const last = nodes.at(-1);
  const range: [number, number] = last ? [last.range[1], last.range[1]] : body.range;
  return { form, param, range, nodes };
}

function entriesOf(body: TSESTree.Node): TSESTree.Node[] {
  if (body.type === T.ArrayExpression) return body.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement);
  if (body.type === T.ObjectExpression) return body.properties.flatMap((p) => (p.type === T.Property ? [p] : []));
  return [];
}

/** `index("n").on(t.a, t.b.desc())`, `uniqueIndex()`, `.using("gin", t.data)`, `primaryKey({ columns })`, `unique().on(…)`. */
function keyOf(entry: TSESTree.Node): TableKey | null {
  const value = entry.type === T.Property ? entry.value : entry;
  if (value.type !== T.CallExpression) return null;
  const { base, segments } = flattenChain(value);
  const head = base.type === T.CallExpression && base.callee.type === T.Identifier ? base : value.callee.type === T.Identifier ? value : null;
  if (!head || head.callee.type !== T.Identifier) return null;
  const factory = head.callee.name;
  const nameArg = head.arguments[0];
  const name = nameArg?.type === T.Literal && typeof nameArg.value === 'string' ? nameArg.value : null;
  if (factory === 'primaryKey') {
    const options = head.arguments[0]?.type === T.ObjectExpression ? head.arguments[0] : null;
    const listed = options?.properties.find((p) => p.type === T.Property && keyName(p.key) === 'columns');
    const args = listed?.type === T.Property && listed.value.type === T.ArrayExpression ? listed.value.elements : head.arguments;
    const columns = columnList(args.filter((a): a is TSESTree.Expression => a !== null && a.type !== T.SpreadElement));
    return { ...plainKey('primary', ''), columns: columns.columns, range: entry.range };
  }
  const kind = factory === 'index' ? 'index' : factory === 'uniqueIndex' || factory === 'unique' ? 'unique' : null;
  if (!kind) return null;
  const on = segments.find((s) => s.name === 'on' || s.name === 'onOnly')?.call;
  const using = segments.find((s) => s.name === 'using')?.call;
  const methodArg = using?.arguments[0];
  const method = methodArg?.type === T.Literal && typeof methodArg.value === 'string' ? methodArg.value.toLowerCase() : null;
  const listed = columnList(on ? on.arguments : using ? using.arguments.slice(1) : []);
  const onRange: [number, number] | null = on && on.arguments.length > 0 ? [on.arguments[0]!.range[0], on.arguments.at(-1)!.range[1]] : null;
  return {
    kind,
    name,
    columns: listed.columns,
    expressionColumns: listed.expressionColumns,
    method: method === 'btree' ? null : method,
    partial: segments.some((s) => s.name === 'where'),
    range: entry.range,
    onRange,
  };
}

/** `t.a, t.b.desc(), t.c.op("jsonb_path_ops")` as column keys; a `sql` entry ends the ordered list. */
function columnList(args: TSESTree.Node[]): { columns: string[]; expressionColumns: string[] } {
  const columns: string[] = [];
  const expressionColumns: string[] = [];
  let ordered = true;
  for (const arg of args) {
    const column = arg.type === T.MemberExpression || arg.type === T.CallExpression ? columnKey(arg) : null;
    if (column && ordered) columns.push(column);
    else if (arg.type === T.TaggedTemplateExpression) {
      ordered = false;
      for (const expr of arg.quasi.expressions) {
        const mentioned = columnKey(expr);
        if (mentioned) expressionColumns.push(mentioned);
      }
    } else ordered = false;
  }
  return { columns, expressionColumns };
}

// `t.createdAt`, `t.createdAt.desc()`, `t.data.op("jsonb_path_ops")`, `t.name.asc().nullsLast()`.
function columnKey(node: TSESTree.Node): string | null {
  let current = node;
  while (current.type === T.CallExpression && current.callee.type === T.MemberExpression) current = current.callee.object;
  if (current.type !== T.MemberExpression || current.object.type !== T.Identifier) return null;
  return keyName(current.property, current.computed);
}

// `timestamp("at", { mode: "string" })` reads strings; `date("on", { mode: "date" })` reads Dates.
function modeOf(builder: TSESTree.CallExpression): string | null {
  const options = builder.arguments.find((a) => a.type === T.ObjectExpression);
  for (const prop of options?.type === T.ObjectExpression ? options.properties : []) {
    if (prop.type === T.Property && keyName(prop.key) === 'mode' && prop.value.type === T.Literal) return String(prop.value.value);
  }
  return null;
}
