import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { ColumnInfo, TableColumns } from '../../src/recognizers/drizzle-schema.js';
import { memberName } from '../../src/recognizers/chain.js';

/** A term of the order: a column of the queried table, its direction, and the key it has in a row. */
export interface OrderTerm {
  column: string;
  /** The row's property that holds the column: its name, or the key it is selected under. */
  key: string;
  info: ColumnInfo;
  descending: boolean;
  /** The first term only: a column that may be NULL, ordered as Postgres does (NULLS FIRST when descending). */
  nullable: boolean;
}

/** What the rewritten code calls, all from `drizzle-orm`. */
export const OPERATORS = ['and', 'asc', 'desc', 'eq', 'gt', 'gte', 'isNotNull', 'isNull', 'lt', 'lte', 'or'];

/**
 * The order as columns of `table`, made total: the primary key is added (in the first column's direction)
 * when no term is unique, so that rows that tie keep one order from page to page. A reason when the
 * order is empty or on an expression, or on a column that may be NULL unless `nullsFirstTerm` (Postgres,
 * whose NULL placement it knows) and the column is the first term.
 */
export function totalOrder(nodes: TSESTree.Node[], table: string, columns: TableColumns, nullsFirstTerm: boolean): OrderTerm[] | string {
  if (nodes.length === 0) return 'the query has no `orderBy`: there is no order to continue from';
  const terms: OrderTerm[] = [];
  for (const [i, node] of nodes.entries()) {
    const term = orderTerm(node, table, columns, nullsFirstTerm && i === 0);
    if (typeof term === 'string') return term;
    terms.push(term);
  }
  if (!terms.some((t) => t.info.primaryKey)) {
    const primary = [...columns].find(([, info]) => info.primaryKey);
    if (!primary) return `\`${table}\` has no primary key to break ties with`;
    terms.push({ column: primary[0], key: primary[0], info: primary[1], descending: terms[0]!.descending, nullable: false });
  }
  return terms;
}

/** `desc(posts.createdAt)`, `asc(posts.id)` or `posts.handle`, as a column of `table`. */
function orderTerm(node: TSESTree.Node, table: string, columns: TableColumns, mayBeNull: boolean): OrderTerm | string {
  let descending = false;
  let column: TSESTree.Node | undefined = node;
  if (node.type === T.CallExpression && node.callee.type === T.Identifier && ['asc', 'desc'].includes(node.callee.name)) {
    descending = node.callee.name === 'desc';
    column = node.arguments[0];
  }
  const name =
    column?.type === T.MemberExpression && column.object.type === T.Identifier && column.object.name === table
      ? memberName(column)
      : null;
  const info = name ? columns.get(name) : undefined;
  if (!name || !info) return 'the order is on an expression it cannot compare (only columns of the queried table are)';
  if (!info.notNull && !mayBeNull) return `the order column \`${table}.${name}\` may be NULL: a keyset on it needs NULLS FIRST/LAST handling by hand`;
  return { column: name, key: name, info, descending, nullable: !info.notNull };
}

/**
 * The rows after the cursor, for any directions: `or(lt(t.a, c.a), and(eq(t.a, c.a), gt(t.id, c.id)))`,
 * with `value(term, i)` the cursor's value of each term. A first term that may be NULL is placed as
 * Postgres places NULLs, first when descending and last when ascending, and compared only when the cursor
 * row's value (`raw`, as it travels) is not NULL.
 */
export function keysetCondition(
  table: string,
  terms: OrderTerm[],
  value: (term: OrderTerm, index: number) => string,
  raw: (term: OrderTerm, index: number) => string = value,
): string {
  const column = (t: OrderTerm) => `${table}.${t.column}`;
  const beyond = (from: number): string => {
    const branches = terms.slice(from).map((term, k) => {
      const i = from + k;
      const equal = terms.slice(from, i).map((t, j) => `eq(${column(t)}, ${value(t, from + j)})`);
      const after = `${term.descending ? 'lt' : 'gt'}(${column(term)}, ${value(term, i)})`;
      return equal.length > 0 ? `and(${[...equal, after].join(', ')})` : after;
    });
    return branches.length === 1 ? branches[0]! : `or(${branches.join(', ')})`;
  };
  const first = terms[0]!;
  // Postgres takes `a < c or (a = c and …)` as a filter, not a range: it walks the index from its start and
  // drops every row before the cursor, as many as an offset skips. The bound it implies, `a <= c`, is a range
  // the index starts at.
  const bound = `${first.descending ? 'lte' : 'gte'}(${column(first)}, ${value(first, 0)})`;
  if (!first.nullable) return terms.length === 1 ? beyond(0) : `and(${bound}, ${beyond(0)})`;
  const col = column(first);
  const rest = beyond(1);
  const past = `${first.descending ? 'lt' : 'gt'}(${col}, ${value(first, 0)})`;
  const tie = `and(eq(${col}, ${value(first, 0)}), ${rest})`;
  // Descending: the NULLs came first, so after a NULL come the other NULLs, then every value.
  return first.descending
    ? `(${raw(first, 0)} === null ? or(and(isNull(${col}), ${rest}), isNotNull(${col})) : and(${bound}, or(${past}, ${tie})))`
    : `(${raw(first, 0)} === null ? and(isNull(${col}), ${rest}) : or(${past}, ${tie}, isNull(${col})))`;
}

export function orderText(table: string, terms: OrderTerm[]): string {
  return terms.map((t) => `${t.descending ? 'desc' : 'asc'}(${table}.${t.column})`).join(', ');
}

/** `row.key`, or `row["key"]` for a key that is not a name. */
export function readKey(row: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${row}.${key}` : `${row}[${JSON.stringify(key)}]`;
}

/** Only the operators the new code calls: a keyset of one column has no `eq`, and no `and` unless it joins a `where`. */
export function operatorsIn(written: string): string[] {
  return OPERATORS.filter((name) => new RegExp(`(?<![\\w.$])${name}\\(`).test(written));
}
