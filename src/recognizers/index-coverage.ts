import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { flattenChain, importedName, keyName, type ChainSegment } from './chain.js';
import { readNamespacedTable, readTableSchema, type TableKey, type TableSchema } from './drizzle-schema.js';
import type { DrizzleQuery } from './drizzle-query.js';
import type { FileContext } from './analysis-types.js';

/** The index a query needs: B-tree columns in order, a GIN index on a JSONB column, or an expression index. */
export interface NeededIndex {
  columns: string[];
  method: 'gin' | null;
  /** `->>'kind'`: the index is on `(column->>'kind')`. */
  expression: string | null;
}

export interface MissingIndex {
  /**
   * `filter`: no index starts with any filtered column; `order`: a sorted, limited read with no index on the
   * order; `keyset`: cursor pages whose order no index follows; `join`: the joined table's column has no
   * index; `jsonb`: a JSONB operator with no GIN or expression index.
   */
  kind: 'filter' | 'order' | 'keyset' | 'join' | 'jsonb';
  /** What to report on: the condition, the order, the join or the SQL fragment. */
  node: TSESTree.Node;
  table: TableSchema;
  /** Column keys: the equality and range columns, then the order columns, as the query writes them. */
  filter: string[];
  order: string[];
  /** For `jsonb`: the operator (`@>`, `->>`, `jsonb_path_exists`). */
  operator: string | null;
  index: NeededIndex;
}

export interface CoverageOptions {
  /** Tables small enough to scan, by variable or SQL name. */
  smallTables: ReadonlySet<string>;
}

const EQUALITY: ReadonlySet<string> = new Set(['eq', 'inArray']);
// drizzle-orm's condition operators; another call in a `where` is a helper whose condition we cannot see.
const KNOWN_CONDITIONS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'notBetween', 'inArray', 'notInArray',
  'isNull', 'isNotNull', 'like', 'ilike', 'notLike', 'notIlike', 'exists', 'notExists', 'arrayContains',
  'arrayContained', 'arrayOverlaps',
]);
const RANGE: ReadonlySet<string> = new Set(['lt', 'lte', 'gt', 'gte', 'between']);
const JOINS: ReadonlySet<string> = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin']);
// Operators a GIN index on a JSONB column serves (jsonb_ops): containment, key existence, JSON path.
const GIN_OPERATORS = /^\s*(@>|\?\||\?&|\?|@\?|@@)/;
const JSON_PATH_FUNCTION = /\b(jsonb_path_(?:exists|match|query|query_first|query_array))\s*\(\s*$/;
const TEXT_FIELD = /^\s*->>\s*'([A-Za-z0-9_]+)'/;

/**
 * What indexes an executed Drizzle query (`select`, relational `findMany/findFirst`, `update`, `delete`,
 * `$count`) lacks in the schema the repository declares: its table is resolved to its `pgTable(…)`
 * declaration (imports, barrels, workspace packages; typed, also through whatever the checker resolves).
 *
 * Read as the planner would: equality (`eq`, `inArray`) and range (`lt`…`between`) conditions that always
 * apply, an `orderBy` with a `limit`, a cursor (a range on the first order column, also under `cursor ? … :
 * undefined` or the `or(lt(a), and(eq(a), lt(b)))` keyset form), joins probed by a column, and JSONB
 * operators in `sql` fragments. A filter is served when an index, primary key or unique constraint starts with
 * one of its columns; an order when one starts with its first column; cursor pages when one has the
 * equality columns and then the order.
 *
 * Knowingly silent: a table whose declaration is not found; a query that looks up a whole unique key; tables
 * marked small; conditions under `or` or `not`, `ne`, `like`, `isNull`; relational `with:` joins; raw
 * `db.execute(sql…)`; a `findMany` whose table the file does not import (its schema key names no binding).
 */
export function findMissingIndexes(query: DrizzleQuery, file: FileContext, options: CoverageOptions): MissingIndex[] {
  if (!['select', 'query', 'update', 'delete', 'count'].includes(query.operation)) return [];
  const read = readAccess(query, file);
  if (!read) return [];
  const table = resolveTable(read.table, file);
  if (!table || isSmall(table, options)) return [];
  const access = collectAccess(read, table);
  if (coversUniqueKey(table, access.eq)) return [];
  // A condition we cannot read (a helper's result, a variable, raw SQL) may be the one an index serves.
  const opaque = access.opaque;
  const found: MissingIndex[] = [];
  const need = (kind: MissingIndex['kind'], node: TSESTree.Node, index: NeededIndex, operator: string | null = null): MissingIndex => ({
    kind,
    node,
    table,
    filter: [...access.eq, ...access.range.filter((c) => !access.eq.includes(c))],
    order: access.order,
    operator,
    index,
  });
  const filter = [...access.eq, ...access.range];
  const limited = read.limited;
  if (opaque) {
    // Only the joins are still judged below.
  } else if (filter.length > 0) {
    // A partial index on the order is taken to pin the equality its predicate names (`where status = 'open'`).
    const leads = [...filter, ...access.nulls];
    if (!table.keys.some((key) => isOrdered(key) && (leads.includes(key.columns[0]!) || (key.partial && access.order[0] === key.columns[0])))) {
      found.push(need('filter', read.where!, { columns: suggestedColumns(access), method: null, expression: null }));
    } else if (limited && access.order.length > 0 && access.cursor && !followsKeyset(table, access)) {
      found.push(need('keyset', read.orderBy!, { columns: unique([...access.eq, ...access.order]), method: null, expression: null }));
    }
  } else if (access.jsonb.length > 0) {
    const use = access.jsonb.find((j) => !hasJsonIndex(table, j.column));
    if (use) found.push({ ...need('jsonb', use.node, use.index, use.operator), filter: [use.column] });
  } else if (limited && access.order.length > 0) {
    if (!table.keys.some((key) => isOrdered(key) && key.columns[0] === access.order[0])) {
      found.push(need(access.cursor ? 'keyset' : 'order', read.orderBy!, { columns: access.order, method: null, expression: null }));
    }
  }
  // A join is probed once per row of the other side: worth an index when that side is narrowed.
  if (filter.length > 0 || limited) {
    for (const join of read.joins) {
      const joined = resolveTable(join.table, file);
      const columns = joined ? joinColumns(join.condition, join.table, file).filter((c) => joined.columns.has(c) && !joined.columns.get(c)!.boolean) : [];
      if (!joined || columns.length === 0 || isSmall(joined, options) || joined.keys.some((key) => isOrdered(key) && columns.includes(key.columns[0]!))) continue;
      // `where(eq(backups.backupId, id))`: the joined table is read by its own index and the probe goes the other way.
      const pinned = read.where ? joinColumns(read.where, join.table, file) : [];
      if (joined.keys.some((key) => isOrdered(key) && pinned.includes(key.columns[0]!))) continue;
      found.push({ kind: 'join', node: join.condition, table: joined, filter: columns, order: [], operator: null, index: { columns, method: null, expression: null } });
    }
  }
  return found;
}

/** `index().on(t.creatorId, t.status)`, `index().using("gin", t.data)`, ``index().on(sql`(${t.data}->>'kind')`)``. */
export function indexCode(table: TableSchema, index: NeededIndex, name = ''): string {
  const t = table.extra.param ?? 't';
  const head = `index(${name ? JSON.stringify(name) : ''})`;
  const column = index.columns[0] ?? '';
  if (index.method === 'gin') return `${head}.using("gin", ${t}.${column})`;
  if (index.expression) return `${head}.on(sql\`(\${${t}.${column}}${index.expression})\`)`;
  return `${head}.on(${index.columns.map((c) => `${t}.${c}`).join(', ')})`;
}

/** SQL names of column keys, for messages. */
export function sqlNames(table: TableSchema, columns: string[]): string {
  return columns.map((c) => table.columns.get(c)?.sqlName ?? c).join(', ');
}

function isSmall(table: TableSchema, options: CoverageOptions): boolean {
  return table.small || options.smallTables.has(table.variable) || options.smallTables.has(table.sqlName);
}

/** A B-tree (or hash) key whose leading column can be searched; GIN and GiST keys serve other operators. */
function isOrdered(key: TableKey): boolean {
  return key.columns.length > 0 && (key.method === null || key.method === 'hash');
}

function coversUniqueKey(table: TableSchema, eq: string[]): boolean {
  return table.keys.some((key) => key.kind !== 'index' && !key.partial && key.columns.length > 0 && key.expressionColumns.length === 0 && key.columns.every((c) => eq.includes(c)));
}

/** An index with (some of) the equality columns first and the order's first column right after them. */
function followsKeyset(table: TableSchema, access: Access): boolean {
  return table.keys.some((key) => {
    if (!isOrdered(key)) return false;
    let skipped = 0;
    while (skipped < key.columns.length && [...access.eq, ...access.nulls].includes(key.columns[skipped]!)) skipped++;
    // A partial index (`.where(sql\`status = 'active'\`)`) pins what its predicate says: we take it at its word.
    return (skipped > 0 || access.eq.length === 0 || key.partial) && key.columns[skipped] === access.order[0];
  });
}

function hasJsonIndex(table: TableSchema, column: string): boolean {
  return table.keys.some((key) => (key.method === 'gin' && key.columns.includes(column)) || key.expressionColumns.includes(column));
}

// Equality columns first (any order serves them), then the order, or else the first range column.
function suggestedColumns(access: Access): string[] {
  const rest = access.order.length > 0 && (access.eq.length > 0 || access.range.length === 0 || access.range.includes(access.order[0]!)) ? access.order : access.range.slice(0, 1);
  return unique([...access.eq, ...rest]);
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

// ---- Reading the query: which table, its conditions, its order, its joins.

interface TableRef {
  /** `posts`, `schema.posts`; for a relational query, the schema key. */
  node: TSESTree.Node | null;
  name: string;
}

interface Read {
  table: TableRef;
  /** How columns are written: `posts.` (the table's text) and a callback's table parameter. */
  aliases: string[];
  where: TSESTree.Node | null;
  orderBy: TSESTree.Node | null;
  orderItems: TSESTree.Node[];
  limited: boolean;
  joins: Array<{ table: TableRef; condition: TSESTree.Node }>;
  file: FileContext;
}

function readAccess(query: DrizzleQuery, file: FileContext): Read | null {
  const { segments } = flattenChain(query.node);
  const source = file.context.sourceCode;
  if (query.operation === 'query') {
    const method = segments.findIndex((s) => s.name === 'findMany' || s.name === 'findFirst');
    const tableKey = segments[method - 1]?.name;
    const options = segments[method]?.call?.arguments[0];
    if (!tableKey || method < 1) return null;
    const read: Read = { table: { node: null, name: tableKey }, aliases: [], where: null, orderBy: null, orderItems: [], limited: segments[method]!.name === 'findFirst', joins: [], file };
    if (options?.type !== T.ObjectExpression) return read;
    for (const prop of options.properties) {
      if (prop.type !== T.Property) continue;
      const key = keyName(prop.key, prop.computed);
      if (key === 'where') read.where = prop.value;
      if (key === 'orderBy') read.orderBy = prop.value;
      if (key === 'limit') read.limited = true;
    }
    read.where = unwrapCallback(read.where, read.aliases);
    const order = unwrapCallback(read.orderBy, read.aliases);
    read.orderItems = order?.type === T.ArrayExpression ? order.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement) : order ? [order] : [];
    read.aliases.push(tableKey);
    return read;
  }
  const entry = query.operation === 'select' ? segments.find((s) => s.name === 'from') : segments.find((s) => ['update', 'delete', '$count'].includes(s.name));
  const tableNode = entry?.call?.arguments[0];
  if (!tableNode || (tableNode.type !== T.Identifier && tableNode.type !== T.MemberExpression)) return null;
  const read: Read = {
    table: { node: tableNode, name: source.getText(tableNode) },
    aliases: [source.getText(tableNode)],
    where: query.operation === 'count' ? (entry!.call!.arguments[1] ?? null) : lastArgument(segments, 'where'),
    orderBy: segments.find((s) => s.name === 'orderBy')?.call ?? null,
    orderItems: segments.find((s) => s.name === 'orderBy')?.call?.arguments ?? [],
    limited: segments.some((s) => s.name === 'limit' && s.call),
    joins: segments.flatMap((s) => joinOf(s)),
    file,
  };
  // `.orderBy()` is reported on its arguments; `where` on its condition.
  if (read.orderBy?.type === T.CallExpression && read.orderBy.arguments.length > 0) read.orderBy = read.orderBy.arguments[0]!;
  return read;
}

function lastArgument(segments: ChainSegment[], name: string): TSESTree.Node | null {
  return segments.findLast((s) => s.name === name && s.call)?.call?.arguments[0] ?? null;
}

function joinOf(segment: ChainSegment): Read['joins'] {
  const [table, condition] = segment.call?.arguments ?? [];
  if (!JOINS.has(segment.name) || !table || !condition || (table.type !== T.Identifier && table.type !== T.MemberExpression)) return [];
  return [{ table: { node: table, name: '' }, condition }];
}

// `(t, { eq }) => eq(t.id, id)`: the body, with `t` as another name of the table.
function unwrapCallback(node: TSESTree.Node | null, aliases: string[]): TSESTree.Node | null {
  if (!node || (node.type !== T.ArrowFunctionExpression && node.type !== T.FunctionExpression)) return node;
  const param = node.params[0];
  if (param?.type === T.Identifier) aliases.push(param.name);
  if (node.body.type !== T.BlockStatement) return node.body;
  const returned = node.body.body.length === 1 && node.body.body[0]!.type === T.ReturnStatement ? node.body.body[0].argument : null;
  return returned ?? null;
}

interface JsonUse {
  column: string;
  operator: string;
  node: TSESTree.Node;
  index: NeededIndex;
}

interface Access {
  eq: string[];
  range: string[];
  order: string[];
  /** `isNull(col)`: a B-tree finds NULLs, but many rows may hold one, so it is no unique lookup. */
  nulls: string[];
  /** A range on the first order column: the query pages by a cursor. */
  cursor: boolean;
  jsonb: JsonUse[];
  /** Some condition is not one we can read. */
  opaque: boolean;
}

function collectAccess(read: Read, table: TableSchema): Access {
  const access: Access = { eq: [], range: [], nulls: [], order: [], cursor: false, jsonb: [], opaque: false };
  const cursorColumns = new Set<string>();
  let depth = 0;
  const columnOf = (node: TSESTree.Node | undefined): string | null => {
    if (node?.type !== T.MemberExpression || !read.aliases.includes(read.file.context.sourceCode.getText(node.object))) return null;
    const key = keyName(node.property, node.computed);
    return key && table.columns.has(key) ? key : null;
  };
  const visit = (node: TSESTree.Node, always: boolean): void => {
    if (node.type === T.ConditionalExpression) {
      if (!always || isUndefined(node.consequent) || isUndefined(node.alternate)) {
        visit(node.consequent, false);
        visit(node.alternate, false);
        return;
      }
      // `websiteId ? and(eq(t.userId, u), eq(t.websiteId, w)) : eq(t.userId, u)`: what both branches pin applies.
      const branch = (expr: TSESTree.Node) => {
        const [eq, range] = [access.eq.length, access.range.length];
        visit(expr, true);
        return { eq: access.eq.splice(eq), range: access.range.splice(range) };
      };
      const [a, b] = [branch(node.consequent), branch(node.alternate)];
      access.eq.push(...a.eq.filter((c) => b.eq.includes(c)));
      access.range.push(...a.range.filter((c) => b.range.includes(c)));
      return;
    }
    if (node.type === T.LogicalExpression) {
      visit(node.right, false);
      return;
    }
    if (node.type === T.TaggedTemplateExpression) {
      const uses = jsonUses(node, table, columnOf);
      access.jsonb.push(...uses);
      if (uses.length === 0) access.opaque = true;
      return;
    }
    if (node.type === T.Identifier && node.name === 'undefined') return;
    if (node.type === T.Identifier) {
      // `const after = cursor ? or(…) : undefined` in the same function: read what it holds.
      const init = constInit(node, read.file);
      if (init && depth < 3) {
        depth++;
        visit(init, always);
        depth--;
      } else access.opaque = true;
      return;
    }
    if (node.type === T.ObjectExpression) {
      objectWhere(node, access, table, always);
      return;
    }
    if (node.type !== T.CallExpression) {
      if (node.type !== T.Literal) access.opaque = true;
      return;
    }
    const operator = operatorName(node.callee, read.file);
    if (operator === null || !KNOWN_CONDITIONS.has(operator)) {
      access.opaque = true;
      return;
    }
    if (operator === 'and') {
      for (const arg of node.arguments) visit(arg, always);
      return;
    }
    if (operator === 'or') {
      // The keyset form: `or(lt(a, x), and(eq(a, x), lt(b, y)))` pages after (a, b).
      const first = node.arguments[0];
      const column = first?.type === T.CallExpression && RANGE.has(operatorName(first.callee, read.file) ?? '') ? columnOf(first.arguments[0]) : null;
      if (column) cursorColumns.add(column);
      return;
    }
    const column = columnOf(node.arguments[0]);
    // `eq(posts.authorId, users.id)` compares two columns: a join condition, not a lookup by value.
    if (!column || (node.arguments[1] && namesTable(node.arguments[1], read))) return;
    // A boolean splits the table in two: an index on it alone rarely beats reading the table.
    if (table.columns.get(column)?.boolean) return;
    if (EQUALITY.has(operator) && always) access.eq.push(column);
    if (operator === 'isNull' && always) access.nulls.push(column);
    if (!RANGE.has(operator)) return;
    cursorColumns.add(column);
    if (always) access.range.push(column);
  };
  if (read.where) visit(read.where, true);
  for (const item of read.orderItems) {
    const column = orderColumn(item, columnOf, read.file);
    if (column === null) break;
    access.order.push(...column);
  }
  access.eq = unique(access.eq);
  access.range = unique(access.range).filter((c) => !access.eq.includes(c));
  access.cursor = access.order.length > 0 && cursorColumns.has(access.order[0]!);
  return access;
}

// Drizzle's relational v2 object filters: `where: { authorId: id, createdAt: { lt: cursor } }`.
function objectWhere(node: TSESTree.ObjectExpression, access: Access, table: TableSchema, always: boolean): void {
  for (const prop of node.properties) {
    if (prop.type !== T.Property) continue;
    const key = keyName(prop.key, prop.computed);
    if (key === 'AND' && prop.value.type === T.ArrayExpression) {
      for (const e of prop.value.elements) if (e?.type === T.ObjectExpression) objectWhere(e, access, table, always);
    }
    if (!key || !table.columns.has(key) || !always) continue;
    if (prop.value.type !== T.ObjectExpression) access.eq.push(key);
    else {
      const ops = prop.value.properties.map((p) => (p.type === T.Property ? keyName(p.key, p.computed) : null));
      if (ops.some((o) => o === 'eq' || o === 'in')) access.eq.push(key);
      else if (ops.some((o) => o !== null && RANGE.has(o))) access.range.push(key);
    }
  }
}

/** `desc(posts.createdAt)`, `asc(t.id)`, `posts.id`, relational v2 `{ createdAt: "desc" }`; `null` for anything else. */
function orderColumn(item: TSESTree.Node, columnOf: (node: TSESTree.Node | undefined) => string | null, file: FileContext): string[] | null {
  if (item.type === T.ObjectExpression) {
    const keys = item.properties.map((p) => (p.type === T.Property ? keyName(p.key, p.computed) : null));
    return keys.every((k): k is string => k !== null) ? keys : null;
  }
  if (item.type === T.ArrayExpression) {
    const columns: string[] = [];
    for (const e of item.elements) {
      const c = e && e.type !== T.SpreadElement ? orderColumn(e, columnOf, file) : null;
      if (!c) break;
      columns.push(...c);
    }
    return columns.length > 0 ? columns : null;
  }
  const direct = columnOf(item);
  if (direct) return [direct];
  if (item.type === T.CallExpression && ['asc', 'desc'].includes(operatorName(item.callee, file) ?? '')) {
    const column = columnOf(item.arguments[0]);
    return column ? [column] : null;
  }
  return null;
}

/** `users.id` where `users` is a table of this query (joined or the main one). */
function namesTable(node: TSESTree.Node, read: Read): boolean {
  if (node.type !== T.MemberExpression) return false;
  const text = read.file.context.sourceCode.getText(node.object);
  return read.aliases.includes(text) || read.joins.some((j) => j.table.node && read.file.context.sourceCode.getText(j.table.node) === text);
}

/**
 * The drizzle-orm operator a callee names: an import (also renamed: `eq as equals`), or a callback's
 * operators (`(t, { eq }) => …`, `(t, ops) => ops.eq(…)`). A local function called `eq` is not one.
 */
function operatorName(callee: TSESTree.Node, file: FileContext): string | null {
  if (callee.type === T.MemberExpression) {
    return callee.object.type === T.Identifier && isParameter(callee.object, file) ? keyName(callee.property, callee.computed) : null;
  }
  if (callee.type !== T.Identifier) return null;
  const def = ASTUtils.findVariable(file.context.sourceCode.getScope(callee), callee)?.defs[0];
  if (def?.type === 'ImportBinding' && def.node.type === T.ImportSpecifier) return importedName(def.node);
  if (def?.type === 'Parameter' && def.name.parent?.type === T.Property) return keyName(def.name.parent.key, def.name.parent.computed);
  return null;
}

const isUndefined = (node: TSESTree.Node) => node.type === T.Identifier && node.name === 'undefined';

/** The initializer of a `const` declared in the same function (or module) as its use. */
function constInit(id: TSESTree.Identifier, file: FileContext): TSESTree.Expression | null {
  const def = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id)?.defs[0];
  if (def?.type !== 'Variable' || def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return null;
  return def.node.type === T.VariableDeclarator && def.node.id.type === T.Identifier ? def.node.init : null;
}

function isParameter(id: TSESTree.Identifier, file: FileContext): boolean {
  return ASTUtils.findVariable(file.context.sourceCode.getScope(id), id)?.defs[0]?.type === 'Parameter';
}

/** `${posts.data} @> ${x}`, `jsonb_path_exists(${posts.data}, …)`, `${posts.data}->>'kind' = ${k}` on a `jsonb` column. */
function jsonUses(node: TSESTree.TaggedTemplateExpression, table: TableSchema, columnOf: (node: TSESTree.Node | undefined) => string | null): JsonUse[] {
  if (node.tag.type !== T.Identifier || node.tag.name !== 'sql') return [];
  const uses: JsonUse[] = [];
  const { quasis, expressions } = node.quasi;
  for (const [i, expr] of expressions.entries()) {
    const column = columnOf(expr);
    if (!column || table.columns.get(column)?.builder !== 'jsonb') continue;
    const before = quasis[i]!.value.cooked ?? '';
    const after = quasis[i + 1]?.value.cooked ?? '';
    const path = JSON_PATH_FUNCTION.exec(before)?.[1];
    const gin = GIN_OPERATORS.exec(after)?.[1];
    const field = TEXT_FIELD.exec(after);
    if (path || gin) uses.push({ column, operator: path ?? gin!, node, index: { columns: [column], method: 'gin', expression: null } });
    else if (field) uses.push({ column, operator: '->>', node, index: { columns: [column], method: null, expression: `->>'${field[1]}'` } });
  }
  return uses;
}

/**
 * The joined table's columns that its condition pins: `id` in `eq(users.id, posts.authorId)`, and `slug`, `teamId`
 * in `and(eq(c.slug, t.categorySlug), eq(c.teamId, teamId))` (an index on either serves the probe).
 */
function joinColumns(condition: TSESTree.Node, table: TableRef, file: FileContext): string[] {
  const text = table.node ? file.context.sourceCode.getText(table.node) : '';
  const found: string[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type !== T.CallExpression) return;
    const operator = operatorName(node.callee, file);
    if (operator === 'and') return node.arguments.forEach(visit);
    if (operator !== 'eq' && operator !== 'inArray') return;
    for (const side of node.arguments) {
      if (side.type === T.MemberExpression && file.context.sourceCode.getText(side.object) === text) {
        const key = keyName(side.property, side.computed);
        if (key) found.push(key);
      }
    }
  };
  visit(condition);
  return found;
}

// ---- Finding the table's declaration.

function resolveTable(ref: TableRef, file: FileContext): TableSchema | null {
  const { context } = file;
  const filename = context.physicalFilename;
  const text = context.sourceCode.text;
  const node = ref.node;
  if (node === null) {
    // A relational query names a schema key: the table is the binding of that name, if the file has one.
    const global = context.sourceCode.scopeManager?.globalScope;
    const module = global?.childScopes.find((s) => s.type === 'module');
    const bound = module?.set.get(ref.name) ?? global?.set.get(ref.name);
    return bound ? readTableSchema(ref.name, filename, text) : null;
  }
  if (node.type === T.Identifier) {
    const def = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
    // A parameter or a local that shadows the table is something else.
    const topLevel = def?.type === 'ImportBinding' || (def?.type === 'Variable' && isModuleLevel(def.node));
    return (topLevel ? readTableSchema(node.name, filename, text) : null) ?? typedTable(node, file);
  }
  if (node.type === T.MemberExpression && node.object.type === T.Identifier) {
    const name = keyName(node.property, node.computed);
    return (name ? readNamespacedTable(node.object.name, name, filename, text) : null) ?? typedTable(node, file);
  }
  return null;
}

function isModuleLevel(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (ASTUtils.isFunction(current)) return false;
  return true;
}

/** Typed: the declaration the checker resolves the table to, through aliases, path mappings and `const b = a`. */
function typedTable(node: TSESTree.Node, file: FileContext): TableSchema | null {
  if (!file.types) return null;
  const { checker } = file.types;
  const tsNode = file.types.toTs(node) as ts.Node | undefined;
  let target: ts.Node | undefined = tsNode && node.type === T.MemberExpression ? (tsNode as ts.PropertyAccessExpression).name : tsNode;
  for (let step = 0; target && step < 4; step++) {
    let symbol = checker.getSymbolAtLocation(target);
    // An import is an alias (ts.SymbolFlags.Alias): its target is the declaration.
    if (symbol && symbol.flags & 2097152) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration as ts.VariableDeclaration | undefined;
    if (!declaration || !('name' in declaration) || !declaration.name) return null;
    const found = readTableSchema(declaration.name.getText(), declaration.getSourceFile().fileName);
    if (found) return found;
    // `export const deliveries = shipments`: the table is what it is bound to.
    target = declaration.initializer;
  }
  return null;
}
