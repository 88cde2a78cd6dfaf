import type { TableKey, TableSchema } from '../../src/recognizers/drizzle-schema.js';
import { indexCode, type NeededIndex } from '../../src/recognizers/index-coverage.js';

export interface TextEdit {
  at: number;
  end: number;
  text: string;
}

export interface TableEdits {
  edits: TextEdit[];
  /** Bindings the new entries use, with the module to import them from. */
  imports: Array<[string, string]>;
  /** One line per index added or widened, for the summary. */
  changes: string[];
}

/** How the schema names its indexes: `posts_author_created_idx` is short (`_id`/`_at` dropped), `_idx` after. */
interface NamingStyle {
  short: boolean;
  prefix: string;
  suffix: string;
}

const STYLES: NamingStyle[] = [false, true].flatMap((short) =>
  [
    ['', '_idx'],
    ['', '_index'],
    ['idx_', ''],
  ].map(([prefix, suffix]) => ({ short, prefix: prefix!, suffix: suffix! })),
);

/**
 * The edits that give `table` the indexes in `needed`: the longest first, one that a chosen or existing index
 * starts with is dropped (it is served), an existing plain index that is a prefix of a needed one is widened
 * in place, the others are appended in the table's own form (`(t) => [ … ]`, the older object form, or a new
 * third argument). `core` is the module the table factory comes from (`drizzle-orm/pg-core`): `index` is
 * imported from it. `siblings` are the module's tables, whose index names set the style when the table has none.
 */
export function planTableEdits(table: TableSchema, text: string, needed: NeededIndex[], core: string, siblings: TableSchema[]): TableEdits | { bail: string } {
  if (table.extra.form === 'other') return { bail: `the extra config of \`${table.variable}\` is not \`(t) => [ … ]\` or \`(t) => ({ … })\`` };
  const style = namingStyle([table, ...siblings]);
  const taken = new Set([table, ...siblings].flatMap((t) => t.keys.map((k) => k.name).filter((n): n is string => n !== null)));
  const widened = new Set<TableKey>();
  const chosen: NeededIndex[] = [];
  const sorted = [...needed].sort((a, b) => b.columns.length - a.columns.length);
  const result: TableEdits = { edits: [], imports: [['index', core]], changes: [] };
  const entries: Array<{ name: string; index: NeededIndex }> = [];
  for (const index of sorted) {
    if (chosen.some((c) => sameKind(c, index) && startsWith(c.columns, index.columns))) continue;
    if (table.keys.some((k) => serves(k, index))) continue;
    chosen.push(index);
    const prefix = index.method === null && !index.expression ? table.keys.find((k) => !widened.has(k) && isWidenable(k) && startsWith(index.columns, k.columns)) : undefined;
    if (prefix?.onRange) {
      widened.add(prefix);
      const param = table.extra.param ?? 't';
      const added = index.columns.slice(prefix.columns.length).map((c) => `${param}.${c}`);
      result.edits.push({ at: prefix.onRange[1], end: prefix.onRange[1], text: `, ${added.join(', ')}` });
      result.changes.push(`widened \`${prefix.name ?? 'an index'}\` of \`${table.variable}\` to (${sqlList(table, index.columns)})`);
      continue;
    }
    const name = uniqueName(styledName(table, index, style), taken);
    taken.add(name);
    entries.push({ name, index });
    result.changes.push(`added \`${indexCode(table, index, name)}\` to \`${table.variable}\``);
    if (index.expression) result.imports.push(['sql', 'drizzle-orm']);
  }
  if (entries.length > 0) result.edits.push(appendEntries(table, text, entries));
  if (result.edits.length === 0) result.imports = [];
  return result;
}

function appendEntries(table: TableSchema, text: string, entries: Array<{ name: string; index: NeededIndex }>): TextEdit {
  const { extra } = table;
  const codes = entries.map((e) => indexCode(table, e.index, e.name));
  const [columnsStart, columnsEnd] = table.columnsRange;
  const [at, end] = extra.range;
  if (extra.form === 'none') {
    const multiline = text.slice(columnsEnd, table.callRange[1]).includes('\n');
    const body = `(t) => [${codes.join(', ')}]`;
    return { at: columnsEnd, end: columnsEnd, text: multiline ? `,\n${indentAt(text, columnsStart)}${body}` : `, ${body}` };
  }
  const items = extra.form === 'object' ? codes.map((code, i) => `${propertyKey(table, entries[i]!.index)}: ${code}`) : codes;
  if (extra.entries.length === 0) {
    return { at, end, text: extra.form === 'object' ? `({ ${items.join(', ')} })` : `[${items.join(', ')}]` };
  }
  const first = extra.entries[0]!;
  const opened = text.slice(0, first[0]).lastIndexOf(extra.form === 'object' ? '{' : '[');
  const multiline = text.slice(opened, first[0]).includes('\n');
  const indent = indentAt(text, extra.entries.at(-1)![0]);
  return { at, end: at, text: items.map((item) => (multiline ? `,\n${indent}${item}` : `, ${item}`)).join('') };
}

/** The index already serves the needed one: same kind, and its columns start with the needed columns. */
function serves(key: TableKey, index: NeededIndex): boolean {
  if (index.method === 'gin') return key.method === 'gin' && key.columns.includes(index.columns[0]!);
  if (index.expression) return key.expressionColumns.includes(index.columns[0]!);
  return (key.method === null || key.method === 'hash') && startsWith(key.columns, index.columns);
}

// A plain B-tree index that is not unique (widening a unique one would change what it enforces) nor partial.
function isWidenable(key: TableKey): boolean {
  return key.kind === 'index' && key.method === null && !key.partial && key.expressionColumns.length === 0 && key.columns.length > 0 && key.onRange !== null;
}

const sameKind = (a: NeededIndex, b: NeededIndex) => a.method === b.method && a.expression === b.expression;
const startsWith = (xs: string[], prefix: string[]) => prefix.length <= xs.length && prefix.every((c, i) => xs[i] === c);

function namingStyle(tables: TableSchema[]): NamingStyle {
  for (const table of tables) {
    for (const key of table.keys) {
      if (!key.name || key.columns.length === 0) continue;
      const parts = (short: boolean) => [...key.columns.map((c) => part(table, c, short)), ...(key.method === 'gin' ? ['gin'] : [])];
      const style = STYLES.find((s) => key.name === `${s.prefix}${table.sqlName}_${parts(s.short).join('_')}${s.suffix}`);
      if (style) return style;
    }
  }
  return STYLES[0]!;
}

function styledName(table: TableSchema, index: NeededIndex, style: NamingStyle): string {
  const column = index.columns[0]!;
  const parts =
    index.method === 'gin'
      ? [part(table, column, style.short), 'gin']
      : index.expression
        ? [part(table, column, style.short), ...(index.expression.match(/'([^']+)'/)?.slice(1) ?? [])]
        : index.columns.map((c) => part(table, c, style.short));
  return `${style.prefix}${table.sqlName}_${parts.join('_')}${style.suffix}`;
}

function part(table: TableSchema, column: string, short: boolean): string {
  const sql = table.columns.get(column)?.sqlName ?? column;
  return short && sql !== 'id' ? sql.replace(/_(id|at)$/, '') : sql;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
  return candidate;
}

// A key of the older object form, as its other keys are usually written: `statusIdx`, `authorCreatedIdx`.
function propertyKey(table: TableSchema, index: NeededIndex): string {
  const words = styledName(table, index, { short: true, prefix: '', suffix: '' }).slice(table.sqlName.length + 1);
  return `${words.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Idx`;
}

function sqlList(table: TableSchema, columns: string[]): string {
  return columns.map((c) => table.columns.get(c)?.sqlName ?? c).join(', ');
}

const lineStartOf = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const indentAt = (text: string, offset: number) => /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))![0];
