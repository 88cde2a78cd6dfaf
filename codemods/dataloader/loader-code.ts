import path from 'node:path';
import type { ImportNeed, Lookup } from './lookups.js';
import { resolveProjectModule } from '../../src/recognizers/module-graph.js';

/** The name a loader gets: `usersById`; `postsByAuthorIdRows` for a `select()` (it returns arrays). */
export function loaderName(lookup: Lookup): string {
  const base = `${lookup.schemaKey ?? lookup.table.local}By${lookup.column[0]!.toUpperCase()}${lookup.column.slice(1)}`;
  return lookup.kind === 'rows' ? `${base}Rows` : base;
}

/** The helpers of the loaders module that a loader's code calls. */
export function helperOf(lookup: Lookup): 'firstByKey' | 'allByKey' {
  return lookup.kind === 'one' ? 'firstByKey' : 'allByKey';
}

/** `where: inArray(users.id, [...keys])`, with the conditions that do not depend on the key. */
function whereIn(lookup: Lookup, keys: string): string {
  const inArray = `inArray(${lookup.table.local}.${lookup.column}, ${keys})`;
  return lookup.conditions.length ? `and(${[inArray, ...lookup.conditions].join(', ')})` : inArray;
}

/** The batched query for `keys` (an expression of an array of keys), as `db` (the receiver) runs it. */
export function batchQuery(lookup: Lookup, db: string, keys: string): string {
  const where = whereIn(lookup, keys);
  if (lookup.kind !== 'rows') {
    return `${db}.query.${lookup.schemaKey}.findMany({ where: ${where}${lookup.options ? `, ${lookup.options}` : ''} })`;
  }
  const fields = lookup.fields ? `{ key: ${lookup.table.local}.${lookup.column}, row: ${lookup.fields} }` : '';
  const orderBy = lookup.orderBy ? `.orderBy(${lookup.orderBy})` : '';
  return `${db}.select(${fields}).from(${lookup.table.local}).where(${where})${orderBy}`;
}

/**
 * One property of `createLoaders`' object: a DataLoader whose batch function runs one `inArray` query and
 * gives each key its row (`one`) or rows (`many`, `rows`), in key order.
 */
export function loaderProperty(name: string, lookup: Lookup): string {
  const keyType = `(typeof ${lookup.table.local}.$inferSelect)["${lookup.column}"]`;
  const rows = `await ${batchQuery(lookup, 'db', '[...keys]')}`;
  const keyOf = lookup.fields ? '(row) => row.key' : `(row) => row.${lookup.column}`;
  const valueOf = lookup.fields ? ', (row) => row.row' : '';
  return [
    `${name}: new DataLoader(async (keys: readonly ${keyType}[]) =>`,
    `  ${helperOf(lookup)}(keys, ${rows}, ${keyOf}${valueOf}),`,
    `)`,
  ].join('\n');
}

export const HELPERS: Record<'firstByKey' | 'allByKey' | 'primeKeys', string> = {
  firstByKey: `/** The row of each key, in key order; \`undefined\` where no row has the key. */
function firstByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | undefined)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) if (!byKey.has(keyOf(row))) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key));
}`,
  allByKey: `/** The rows of each key, in key order and in the order the query returned them; \`[]\` where none. */
function allByKey<K, R, V = R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, valueOf?: (row: R) => V): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) {
    const group = byKey.get(keyOf(row)) ?? [];
    group.push(valueOf ? valueOf(row) : (row as unknown as V));
    byKey.set(keyOf(row), group);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}`,
  primeKeys: `/**
 * Loads the keys of all items in one batch before a loop that then loads them one at a time (from the
 * loader's cache): awaited one by one, loads never meet in a batch. Missing keys (\`null\`) are skipped, and
 * errors surface at the load that needs the key, as they did before.
 */
export async function primeKeys<K, V>(loader: DataLoader<K, V>, keys: ReadonlyArray<K | null | undefined>): Promise<void> {
  await loader.loadMany([...new Set(keys)].filter((key): key is K => key !== null && key !== undefined));
}`,
};

/** What the inline strategy adds to a file (once) for lookups of several rows per key. */
export const GROUP_BY_KEY = `/** The rows of each key, in the order the query returned them (added by \`hotpath codemod dataloader\`). */
function groupByKey<K, R, V = R>(rows: readonly R[], keyOf: (row: R) => K, valueOf: (row: R) => V = (row) => row as unknown as V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(valueOf(row));
    else groups.set(keyOf(row), [valueOf(row)]);
  }
  return groups;
}`;

export const MODULE_DOC = `/**
 * Per-request DataLoaders, made by \`createContext\` for each request: a loader caches what it loaded, so one
 * is never shared between requests or users. Each turns the loads of one tick into one \`inArray\` query and
 * gives every key its rows, in key order. Written by \`hotpath codemod dataloader\`; edit freely.
 */`;

/**
 * The module specifier that reaches what `need.source` reaches from `need.file`, written from `toFile`:
 * packages and aliases stay as they are, relative paths are recomputed (keeping a `.js` suffix style).
 */
export function specifierFrom(need: Pick<ImportNeed, 'source' | 'file'>, toFile: string): string {
  if (!need.source.startsWith('.')) return need.source;
  const target = resolveProjectModule(need.source, need.file) ?? path.resolve(path.dirname(need.file), need.source.replace(/\.[cm]?js$/, ''));
  const suffix = /\.[cm]?js$/.test(need.source) ? '.js' : '';
  let relative = path.relative(path.dirname(toFile), target).split(path.sep).join('/');
  relative = relative.replace(/\.[cm]?tsx?$/, '').replace(/\/index$/, need.source.endsWith('/index') || suffix ? '/index' : '');
  return `${relative.startsWith('.') ? '' : './'}${relative}${suffix}`;
}
