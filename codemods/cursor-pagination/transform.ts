import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileInfo } from 'jscodeshift';
import type { HotpathApi, JscodeshiftCodemod } from '../../src/codemod.js';
import { analyzeSource } from '../../src/codemods/analyze.js';
import { removeDeadImports } from '../../src/codemods/dead-imports.js';
import { argsText, indentBefore, text } from '../../src/codemods/source-text.js';
import { readTableColumns, type ColumnInfo } from '../../src/recognizers/drizzle-schema.js';
import { flattenChain, keyName, memberName } from '../../src/recognizers/chain.js';
import { recognizeDrizzleQuery, type DrizzleQuery } from '../../src/recognizers/drizzle-query.js';
import type { FileContext } from '../../src/recognizers/file-context.js';
import { isFunction } from '../../src/recognizers/per-item.js';
import { walk } from '../../src/recognizers/walk.js';
import { findOffsetPagination } from '../../src/recognizers/offset-pagination.js';
import { findEnclosingProcedure, type TrpcProcedure } from '../../src/recognizers/trpc-procedure.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}
type Plan = { edits: Edit[]; imports: string[] } | { line: number; reason: string };

/** A term of the order: a column of the queried table and its direction. */
interface OrderTerm {
  column: string;
  info: ColumnInfo;
  descending: boolean;
}

const OPERATORS = ['and', 'asc', 'desc', 'eq', 'gt', 'lt', 'or'];
const PAGE_FIELDS = new Set(['page', 'offset', 'skip']);
const ZOD: Record<ColumnInfo['type'], string> = {
  number: 'z.number()',
  string: 'z.string()',
  date: 'z.coerce.date()',
  boolean: 'z.boolean()',
};

/**
 * Rewrites a tRPC procedure that pages a Drizzle query by offset into keyset (cursor) pagination:
 * - its `page`/`offset` input becomes `cursor`: the values of the order columns of the last row, with the
 *   primary key as a tie-breaker (added to the order when missing);
 * - the query keeps its filters and adds the keyset condition for the exact directions (`or(lt(a, c.a),
 *   and(eq(a, c.a), gt(id, c.id)))`), fetches `limit + 1` rows and drops the offset;
 * - the procedure returns `{ items, nextCursor }` (`nextCursor` null on the last page), what
 *   `useInfiniteQuery` consumes.
 * What it cannot rewrite safely it leaves as it is and says why; client `useQuery({ page })` calls are listed.
 */
export default function transform(file: FileInfo, api: HotpathApi): string | undefined {
  const source = file.source;
  const plans = analyzeSource<Plan>(source, file.path, (ctx, found) => ({
    CallExpression(node) {
      const query = recognizeDrizzleQuery(node, ctx);
      const offset = query && findOffsetPagination(query, ctx);
      if (query && offset) found(planQuery(query, offset.kind, ctx, source, file.path));
      else if (isPageQueryHook(node)) {
        found({ line: node.loc.start.line, reason: 'a page-numbered query on the client: move it to `useInfiniteQuery` with `getNextPageParam: (last) => last.nextCursor` once its procedure pages by cursor' });
      }
    },
  }));
  const edits: Edit[] = [];
  const imports = new Set<string>();
  for (const plan of plans) {
    if ('reason' in plan) api.bail(plan.line, plan.reason);
    else {
      edits.push(...plan.edits);
      plan.imports.forEach((name) => imports.add(name));
    }
  }
  if (edits.length === 0) return undefined;
  let output = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return removeDeadImports(source, addDrizzleImports(output, [...imports]), file.path);
}

function planQuery(query: DrizzleQuery, kind: string, file: FileContext, source: string, path: string): Plan {
  const line = query.node.loc.start.line;
  const bail = (reason: string): Plan => ({ line, reason });
  if (kind === 'sql') return bail('OFFSET in raw SQL: rewrite it by hand (a keyset `WHERE (a, id) < ($1, $2)` and `LIMIT n + 1`)');
  const procedure = findEnclosingProcedure(query.node, file);
  if (!procedure?.resolver || !procedure.input) return bail('the query is not in a tRPC procedure with an input: the page number comes from elsewhere');
  const field = pageField(procedure.input);
  if (!field) return bail('the procedure input is not a `z.object({ … })` with a `page`, `offset` or `skip` number');
  const parts = queryParts(query);
  if (typeof parts === 'string') return bail(parts);
  if (!parts.offset || !readsInput(text(source, parts.offset), field.name)) return bail(`the offset is not computed from \`input.${field.name}\``);
  if (!parts.limit) return bail('the query has no limit');
  if (!isPure(parts.limit)) return bail('the limit is an expression with effects: it would be evaluated twice');
  if (parts.order.length === 0) return bail('the query has no `orderBy`: there is no order to continue from');
  const table = query.table;
  const columns = table ? readTableColumns(table, path, source) : null;
  if (!table || !columns) return bail(`the schema of \`${table ?? '?'}\` was not found: its columns' types and primary key are unknown`);
  const terms: OrderTerm[] = [];
  for (const term of parts.order) {
    const parsed = orderTerm(term, table, columns);
    if (typeof parsed === 'string') return bail(parsed);
    terms.push(parsed);
  }
  const primary = [...columns].find(([, info]) => info.primaryKey);
  if (!terms.some((t) => t.info.primaryKey)) {
    if (!primary) return bail(`\`${table}\` has no primary key to break ties with`);
    terms.push({ column: primary[0], info: primary[1], descending: terms[0]!.descending });
  }
  const result = resultShape(procedure, query);
  if (typeof result === 'string') return bail(result);

  const limit = text(source, parts.limit);
  const condition = keysetCondition(table, terms);
  const cursorType = `z.object({ ${terms.map((t) => `${t.column}: ${ZOD[t.info.type]}`).join(', ')} }).nullish()`;
  const nextCursor = (last: string) => `{ ${terms.map((t) => `${t.column}: ${last}.${t.column}`).join(', ')} }`;
  const orderText = terms.map((t) => `${t.descending ? 'desc' : 'asc'}(${table}.${t.column})`).join(', ');
  const edits: Edit[] = [{ start: field.node.range[0], end: field.node.range[1], text: `cursor: ${cursorType}` }];
  edits.push(...parts.rewrite(source, { condition, orderText, limit: `${limit} + 1` }));
  edits.push(...result.rewrite(source, limit, nextCursor));
  // Only the operators the new code calls: a keyset of one column has no `eq`, and no `and` unless it joins a `where`.
  const written = edits.map((e) => e.text).join('\n');
  return { edits, imports: OPERATORS.filter((name) => new RegExp(`(?<![\\w.$])${name}\\(`).test(written)) };
}

/** `input.cursor ? or(lt(t.a, c.a), and(eq(t.a, c.a), gt(t.id, c.id))) : undefined`, for any directions. */
function keysetCondition(table: string, terms: OrderTerm[]): string {
  const column = (t: OrderTerm) => `${table}.${t.column}`;
  const value = (t: OrderTerm) => `input.cursor.${t.column}`;
  const branches = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t) => `eq(${column(t)}, ${value(t)})`);
    const beyond = `${term.descending ? 'lt' : 'gt'}(${column(term)}, ${value(term)})`;
    return equal.length > 0 ? `and(${[...equal, beyond].join(', ')})` : beyond;
  });
  return `input.cursor ? ${branches.length === 1 ? branches[0] : `or(${branches.join(', ')})`} : undefined`;
}

/** The `page`/`offset`/`skip` property of a `z.object({ … })` input. */
function pageField(input: TSESTree.Expression): { name: string; node: TSESTree.Property } | null {
  if (input.type !== T.CallExpression || input.callee.type !== T.MemberExpression || memberName(input.callee) !== 'object') return null;
  const shape = input.arguments[0];
  if (shape?.type !== T.ObjectExpression) return null;
  for (const prop of shape.properties) {
    const name = prop.type === T.Property ? keyName(prop.key, prop.computed) : null;
    if (prop.type === T.Property && name && PAGE_FIELDS.has(name)) return { name, node: prop };
  }
  return null;
}

interface QueryParts {
  order: TSESTree.Node[];
  limit: TSESTree.Node | null;
  offset: TSESTree.Node | null;
  rewrite(source: string, with_: { condition: string; orderText: string; limit: string }): Edit[];
}

/** The order, limit and offset of a select chain or a `findMany({ … })`, and how to rewrite them. */
function queryParts(query: DrizzleQuery): QueryParts | string {
  if (query.operation === 'select') {
    const { segments } = flattenChain(query.node);
    const step = (name: string) => segments.find((s) => s.name === name && s.call)?.call ?? null;
    if (segments.some((s) => /join$/i.test(s.name))) return 'the query joins tables: rows are not rows of one table, write the cursor by hand';
    const select = step('select');
    if (select && select.arguments.length > 0) return 'the query selects chosen fields: the order columns may not be in its rows';
    const from = step('from');
    const where = step('where');
    const orderBy = step('orderBy');
    const limit = step('limit');
    const offset = step('offset');
    if (!from || !orderBy || !limit || !offset) {
      return { order: orderBy?.arguments ?? [], limit: limit?.arguments[0] ?? null, offset: offset?.arguments[0] ?? null, rewrite: () => [] };
    }
    return {
      order: orderBy.arguments,
      limit: limit.arguments[0] ?? null,
      offset: offset.arguments[0] ?? null,
      rewrite: (source, w) => [
        where
          ? replaceArgs(where, `and(${argsText(source, where)}, ${w.condition})`)
          : { start: from.range[1], end: from.range[1], text: `${lineBreakBefore(source, from)}.where(${w.condition})` },
        replaceArgs(orderBy, w.orderText),
        replaceArgs(limit, w.limit),
        // `.offset(…)` goes, with the dot before it.
        { start: (offset.callee as TSESTree.MemberExpression).object.range[1], end: offset.range[1], text: '' },
      ],
    };
  }
  if (query.operation === 'query' && memberName(query.node.callee as TSESTree.MemberExpression) === 'findMany') {
    const options = query.node.arguments[0];
    if (options?.type !== T.ObjectExpression) return 'the options of `findMany` are not an object literal';
    const prop = (name: string) =>
      options.properties.find((p): p is TSESTree.Property => p.type === T.Property && keyName(p.key, p.computed) === name) ?? null;
    const [where, orderBy, limit, offset, columns] = ['where', 'orderBy', 'limit', 'offset', 'columns'].map(prop);
    if (columns) return 'the query selects chosen columns: the order columns may not be in its rows';
    if (where && isFunction(where.value)) return 'the `where` of `findMany` is a callback: add the cursor condition by hand';
    if (orderBy && isFunction(orderBy.value)) return 'the `orderBy` of `findMany` is a callback: write the order as columns first';
    const order = orderBy ? (orderBy.value.type === T.ArrayExpression ? (orderBy.value.elements.filter(Boolean) as TSESTree.Node[]) : [orderBy.value]) : [];
    return {
      order,
      limit: limit?.value ?? null,
      offset: offset?.value ?? null,
      rewrite: (source, w) => [
        where
          ? { start: where.value.range[0], end: where.value.range[1], text: `and(${text(source, where.value)}, ${w.condition})` }
          : options.properties[0]
            ? { start: options.properties[0].range[0], end: options.properties[0].range[0], text: `where: ${w.condition},${lineBreakOrSpace(source, options.properties[0])}` }
            : { start: options.range[0] + 1, end: options.range[0] + 1, text: ` where: ${w.condition} ` },
        { start: orderBy!.value.range[0], end: orderBy!.value.range[1], text: `[${w.orderText}]` },
        { start: limit!.value.range[0], end: limit!.value.range[1], text: w.limit },
        removeProperty(source, offset!),
      ],
    };
  }
  return 'only select chains and `findMany` are rewritten';
}

/** `desc(posts.createdAt)`, `asc(posts.id)` or `posts.handle`, as a column of `table`. */
function orderTerm(node: TSESTree.Node, table: string, columns: Map<string, ColumnInfo>): OrderTerm | string {
  let descending = false;
  let column: TSESTree.Node = node;
  if (node.type === T.CallExpression && node.callee.type === T.Identifier && ['asc', 'desc'].includes(node.callee.name)) {
    descending = node.callee.name === 'desc';
    column = node.arguments[0]!;
  }
  const name =
    column?.type === T.MemberExpression && column.object.type === T.Identifier && column.object.name === table
      ? memberName(column)
      : null;
  const info = name ? columns.get(name) : undefined;
  if (!name || !info) return 'the order is on an expression it cannot compare (only columns of the queried table are)';
  if (!info.notNull) return `the order column \`${table}.${name}\` may be NULL: a keyset on it needs NULLS FIRST/LAST handling by hand`;
  return { column: name, info, descending };
}

interface ResultShape {
  rewrite(source: string, limit: string, nextCursor: (last: string) => string): Edit[];
}

/**
 * How the procedure returns the rows: the query is the resolver's expression body, or `const rows = await
 * query` in its body with one `return` at its end. Anything else is not followed.
 */
function resultShape(procedure: TrpcProcedure, query: DrizzleQuery): ResultShape | string {
  const resolver = procedure.resolver!;
  if (resolver.body === query.node) {
    // Edits around the query, not over it: the query's own edits are inside.
    return {
      rewrite: (source, limit, nextCursor) => {
        const line = lineIndent(source, query.node.range[0]);
        const startsLine = /\n[^\S\n]*$/.test(source.slice(0, query.node.range[0]));
        const indent = startsLine ? line : `${line}  `;
        const last = 'items[items.length - 1]!';
        return [
          ...(resolver.async ? [] : [{ start: resolver.range[0], end: resolver.range[0], text: 'async ' }]),
          // `=> query` becomes `=> {` + the query read into `rows` on the next line.
          { start: source.lastIndexOf('=>', query.node.range[0]) + 2, end: query.node.range[0], text: ` {\n${indent}const rows = await ` },
          {
            start: query.node.range[1],
            end: query.node.range[1],
            text: `;\n${indent}const items = rows.slice(0, ${limit});\n${indent}return { items, nextCursor: rows.length > ${limit} ? ${nextCursor(last)} : null };\n${indent.slice(2)}}`,
          },
        ];
      },
    };
  }
  const body = resolver.body;
  if (body?.type !== T.BlockStatement) return 'the procedure returns the rows in a shape it does not follow';
  const declaration = body.body.find(
    (s): s is TSESTree.VariableDeclaration =>
      s.type === T.VariableDeclaration &&
      s.declarations.length === 1 &&
      s.declarations[0]!.id.type === T.Identifier &&
      s.declarations[0]!.init?.type === T.AwaitExpression &&
      s.declarations[0]!.init.argument === query.node,
  );
  const last = body.body.at(-1);
  const returns = countReturns(body);
  if (!declaration || last?.type !== T.ReturnStatement || !last.argument || returns !== 1) {
    return 'the procedure does not read the rows as `const rows = await query` and return once at its end';
  }
  const name = (declaration.declarations[0]!.id as TSESTree.Identifier).name;
  const fetched = `${name}WithNext`;
  const returned = last.argument;
  return {
    rewrite: (source, limit, nextCursor) => [
      { start: declaration.declarations[0]!.id.range[0], end: declaration.declarations[0]!.id.range[1], text: fetched },
      // After the declaration's line, so that a comment at its end stays with it.
      { start: lineEnd(source, declaration.range[1]), end: lineEnd(source, declaration.range[1]), text: `\n${indentBefore(source, declaration)}const ${name} = ${fetched}.slice(0, ${limit});` },
      {
        start: returned.range[0],
        end: returned.range[1],
        text: `{ items: ${mayBePromise(returned) ? 'await ' : ''}${text(source, returned)}, nextCursor: ${fetched}.length > ${limit} ? ${nextCursor(`${name}[${name}.length - 1]!`)} : null }`,
      },
    ],
  };
}

// What the resolver returned is now a property of an object: a promise there would not be awaited by tRPC.
function mayBePromise(node: TSESTree.Node): boolean {
  if (node.type === T.AwaitExpression || node.type === T.ObjectExpression || node.type === T.ArrayExpression) return false;
  if (node.type === T.Identifier || node.type === T.MemberExpression || node.type === T.Literal) return false;
  // `rows.map(…)`, `rows.filter(…)` with synchronous callbacks return arrays.
  if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
    const name = memberName(node.callee);
    const callback = node.arguments[0];
    const sync = !callback || !('async' in callback) || !callback.async;
    if (name && ['map', 'filter', 'slice', 'flatMap', 'concat'].includes(name) && sync) return false;
  }
  return true;
}

/** A new line at the indentation of `node` when it starts its line, else a space. */
function lineBreakOrSpace(source: string, node: TSESTree.Node): string {
  const before = /\n([^\S\n]*)$/.exec(source.slice(0, node.range[0]));
  return before ? `\n${before[1]}` : ' ';
}

function lineEnd(source: string, index: number): number {
  const end = source.indexOf('\n', index);
  return end === -1 ? source.length : end;
}

/** The indentation of the line `index` is on. */
function lineIndent(source: string, index: number): string {
  return /^[^\S\n]*/.exec(source.slice(source.lastIndexOf('\n', index - 1) + 1))![0];
}

function countReturns(body: TSESTree.BlockStatement): number {
  let count = 0;
  // A nested function's returns are its own.
  walk(body, (node) => {
    if (node.type === T.ReturnStatement) count++;
    return node === body || !isFunction(node);
  });
  return count;
}

function readsInput(expression: string, field: string): boolean {
  return new RegExp(`\\binput\\s*\\.\\s*${field}\\b`).test(expression);
}

// The limit is repeated (fetch one more, then slice): only names, members and literals are safe to repeat.
function isPure(node: TSESTree.Node): boolean {
  if (node.type === T.Identifier || node.type === T.Literal) return true;
  if (node.type === T.MemberExpression) return !node.computed && isPure(node.object);
  return false;
}

/** `trpc.post.timeline.useQuery({ page })`: a client reading a page-numbered procedure. */
function isPageQueryHook(node: TSESTree.CallExpression): boolean {
  if (node.callee.type !== T.MemberExpression || memberName(node.callee) !== 'useQuery') return false;
  const input = node.arguments[0];
  return (
    input?.type === T.ObjectExpression &&
    input.properties.some((p) => p.type === T.Property && PAGE_FIELDS.has(keyName(p.key, p.computed) ?? ''))
  );
}

/** A chain laid out one step per line gets its new step on a line of its own, at the same indentation. */
function lineBreakBefore(source: string, step: TSESTree.CallExpression): string {
  const dot = (step.callee as TSESTree.MemberExpression).object.range[1];
  const before = /\n([^\S\n]*)$/.exec(source.slice(0, source.indexOf('.', dot)));
  return before ? `\n${before[1]}` : '';
}

function replaceArgs(call: TSESTree.CallExpression, text_: string): Edit {
  const args = call.arguments;
  return { start: args[0]!.range[0], end: args.at(-1)!.range[1], text: text_ };
}

// An object property with its comma and the rest of its line, so no blank line or dangling comma is left.
function removeProperty(source: string, prop: TSESTree.Property): Edit {
  let start = prop.range[0];
  let end = prop.range[1];
  const after = /^\s*,/.exec(source.slice(end));
  if (after) end += after[0].length;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*$/.test(source.slice(lineStart, start))) {
    start = lineStart;
    const rest = /^[^\S\n]*(\/\/[^\n]*)?\n/.exec(source.slice(end));
    if (rest) end += rest[0].length;
  }
  return { start, end, text: '' };
}

/** Adds `names` to the file's `drizzle-orm` import, or a new import when it has none. */
function addDrizzleImports(source: string, names: string[]): string {
  const existing = /import\s*\{([^}]*)\}\s*from\s*["']drizzle-orm["'];?/.exec(source);
  if (existing) {
    const have = existing[1]!.split(',').map((n) => n.trim()).filter(Boolean);
    const all = [...new Set([...have, ...names])].sort();
    const start = existing.index + existing[0].indexOf('{');
    return `${source.slice(0, start)}{ ${all.join(', ')} }${source.slice(existing.index + existing[0].indexOf('}') + 1)}`;
  }
  return `import { ${[...names].sort().join(', ')} } from "drizzle-orm";\n${source}`;
}

export const codemod: JscodeshiftCodemod = {
  kind: 'jscodeshift',
  name: 'cursor-pagination',
  description: 'tRPC procedures paging Drizzle queries by offset → keyset (cursor) pagination with { items, nextCursor }',
  transform,
};
