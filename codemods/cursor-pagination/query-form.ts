import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { readTableColumns, type TableColumns } from '../../src/recognizers/drizzle-schema.js';
import { text } from '../../src/codemods/source-text.js';
import { flattenChain, keyName, memberName, type ChainSegment } from '../../src/recognizers/chain.js';
import type { DrizzleQuery } from '../../src/recognizers/drizzle-query.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { lineBreakBefore, lineBreakOrSpace, removeProperty, removeStep, replaceArgs, replaceNode, type Edit } from './edits.js';
import type { OrderTerm } from './keyset.js';

/** An offset-paged query: an executed chain, a `findMany({ … })`, or a builder kept in a variable. */
export type PagedSite =
  | { kind: 'query'; query: DrizzleQuery }
  | { kind: 'builder'; call: TSESTree.CallExpression; declarator: TSESTree.VariableDeclarator };

export interface QueryForm {
  table: string;
  columns: TableColumns;
  order: TSESTree.Node[];
  limit: TSESTree.Node | null;
  offset: TSESTree.Node;
  /** What is awaited for the rows: the query, or the builder `q` after a `q.limit(n).offset(k);` statement. */
  awaited: TSESTree.Node;
  /** The key each order column has in a row, or a reason when the rows do not carry it. */
  keyOf(term: OrderTerm): string | null;
  rewrite(source: string, with_: { condition: string; orderText: string; limit: string | null }): Edit[];
}

/** The parts of the paged query and how to rewrite them, or why it cannot. */
export function readQueryForm(site: PagedSite, file: FileContext, path: string, source: string): QueryForm | string {
  if (site.kind === 'query' && site.query.operation === 'query') return readFindMany(site.query, path, source);
  if (site.kind === 'query' && site.query.operation !== 'select') return 'only select chains and `findMany` are rewritten';
  const awaited = site.kind === 'query' ? site.query.node : awaitedBuilder(site.call) ?? site.call;
  const steps = site.kind === 'query' ? flattenChain(site.query.node).segments : builderSteps(site, awaited, file);
  if (typeof steps === 'string') return steps;
  return readSelect(steps, awaited, path, source);
}

/** `q` in `const rows = await q` right after the statement `q.limit(n).offset(k);` (Drizzle's dynamic builders change in place). */
function awaitedBuilder(call: TSESTree.CallExpression): TSESTree.Identifier | null {
  const statement = call.parent;
  const base = flattenChain(call).base;
  if (statement?.type !== T.ExpressionStatement || base.type !== T.Identifier || !('body' in statement.parent!)) return null;
  const body = statement.parent.body as TSESTree.Node[];
  const next = body[body.indexOf(statement) + 1];
  const init = next?.type === T.VariableDeclaration && next.declarations.length === 1 ? next.declarations[0]!.init : null;
  return init?.type === T.AwaitExpression && init.argument.type === T.Identifier && init.argument.name === base.name ? init.argument : null;
}

function readSelect(segments: ChainSegment[], awaited: TSESTree.Node, path: string, source: string): QueryForm | string {
  const step = (name: string) => segments.find((s) => s.name === name && s.call)?.call ?? null;
  const from = step('from');
  const table = from?.arguments[0]?.type === T.Identifier ? from.arguments[0].name : null;
  const columns = table ? readTableColumns(table, path, source) : null;
  if (!from || !table || !columns) return `the schema of \`${table ?? '?'}\` was not found: its columns' types and primary key are unknown`;
  const joins = segments.filter((s) => /join$/i.test(s.name) && s.call);
  for (const join of joins) {
    const reason = joinKeepsRows(join, path, source);
    if (reason) return reason;
  }
  const select = step('select');
  const fields = select?.arguments[0];
  if (fields && fields.type !== T.ObjectExpression) return 'the query selects fields built elsewhere: the order columns may not be in its rows';
  if (!fields && joins.length > 0) return 'the query joins tables without chosen fields: its rows are nested per table, write the cursor by hand';
  const where = step('where');
  const orderBy = step('orderBy');
  const limit = step('limit');
  const offset = step('offset')!;
  const lastJoin = joins.at(-1)?.call ?? from;
  return {
    table,
    columns,
    order: orderBy?.arguments ?? [],
    limit: limit?.arguments[0] ?? null,
    offset: offset.arguments[0]!,
    awaited,
    keyOf: (term) => (fields ? selectedKey(fields, `${table}.${term.column}`, source) : term.column),
    rewrite: (src, w) => [
      where
        ? joinCondition(src, where.arguments, w.condition)
        : { start: lastJoin.range[1], end: lastJoin.range[1], text: `${lineBreakBefore(src, lastJoin)}.where(${w.condition})` },
      replaceArgs(orderBy!, w.orderText),
      ...(w.limit ? [replaceArgs(limit!, w.limit)] : []),
      removeStep(offset),
    ],
  };
}

/**
 * A join that adds at most one row per row of the queried table: `leftJoin(t2, eq(t1.x, t2.id))` on a
 * unique column of the joined table (possibly among other conditions). Any other join can repeat a row,
 * and then its primary key no longer orders the rows totally.
 */
function joinKeepsRows(join: ChainSegment, path: string, source: string): string | null {
  const [joined, on] = join.call!.arguments;
  const name = joined?.type === T.Identifier ? joined.name : null;
  const label = `\`.${join.name}(${name ?? '…'})\``;
  if (join.name !== 'leftJoin' && join.name !== 'innerJoin') return `${label} can add rows without a match in the queried table: write the cursor by hand`;
  const columns = name ? readTableColumns(name, path, source) : null;
  if (!name || !columns) return `the schema of the joined \`${name ?? '?'}\` was not found: whether ${label} repeats rows is unknown`;
  const equalities = on?.type === T.CallExpression && on.callee.type === T.Identifier && on.callee.name === 'and' ? on.arguments : on ? [on] : [];
  const unique = equalities.some(
    (e) =>
      e.type === T.CallExpression &&
      e.callee.type === T.Identifier &&
      e.callee.name === 'eq' &&
      e.arguments.some((side) => side.type === T.MemberExpression && side.object.type === T.Identifier && side.object.name === name && columns.get(memberName(side) ?? '')?.unique),
  );
  return unique ? null : `${label} is not on a unique column of \`${name}\`: it can repeat rows, so no column orders them totally`;
}

/** The key of `{ key: posts.createdAt }` in a selection; `null` when the column is not selected at its top. */
function selectedKey(fields: TSESTree.ObjectExpression, column: string, source: string): string | null {
  for (const prop of fields.properties) {
    if (prop.type === T.Property && !prop.computed && text(source, prop.value) === column) return keyName(prop.key);
  }
  return null;
}

function readFindMany(query: DrizzleQuery, path: string, source: string): QueryForm | string {
  const options = query.node.arguments[0];
  if (memberName(query.node.callee as TSESTree.MemberExpression) !== 'findMany') return 'only select chains and `findMany` are rewritten';
  if (options?.type !== T.ObjectExpression) return 'the options of `findMany` are not an object literal';
  const table = query.table;
  const columns = table ? readTableColumns(table, path, source) : null;
  if (!table || !columns) return `the schema of \`${table ?? '?'}\` was not found: its columns' types and primary key are unknown`;
  const prop = (name: string) =>
    options.properties.find((p): p is TSESTree.Property => p.type === T.Property && keyName(p.key, p.computed) === name) ?? null;
  const [where, orderBy, limit, offset, chosen] = ['where', 'orderBy', 'limit', 'offset', 'columns'].map(prop);
  if (where && ASTUtils.isFunction(where.value)) return 'the `where` of `findMany` is a callback: add the cursor condition by hand';
  if (orderBy && ASTUtils.isFunction(orderBy.value)) return 'the `orderBy` of `findMany` is a callback: write the order as columns first';
  if (chosen && chosen.value.type !== T.ObjectExpression) return 'the `columns` of `findMany` are built elsewhere: the order columns may not be in its rows';
  const order = orderBy ? (orderBy.value.type === T.ArrayExpression ? (orderBy.value.elements.filter(Boolean) as TSESTree.Node[]) : [orderBy.value]) : [];
  return {
    table,
    columns,
    order,
    limit: limit?.value ?? null,
    offset: offset!.value,
    awaited: query.node,
    keyOf: (term) => (chosen ? (includesColumn(chosen.value as TSESTree.ObjectExpression, term.column) ? term.column : null) : term.column),
    rewrite: (src, w) => [
      where
        ? shorthandSafe(where, joinCondition(src, [where.value], w.condition))
        : options.properties[0]
          ? { start: options.properties[0].range[0], end: options.properties[0].range[0], text: `where: ${w.condition},${lineBreakOrSpace(src, options.properties[0])}` }
          : { start: options.range[0] + 1, end: options.range[0] + 1, text: ` where: ${w.condition} ` },
      replaceNode(orderBy!.value, `[${w.orderText}]`),
      ...(w.limit ? [replaceNode(limit!.value, w.limit)] : []),
      removeProperty(src, offset!),
    ],
  };
}

/** `{ where }` written short: its value's edit keeps the key (`where: and(where, …)`). */
function shorthandSafe(prop: TSESTree.Property, edit: Edit): Edit {
  return prop.shorthand ? { ...edit, text: `${keyName(prop.key)}: ${edit.text}` } : edit;
}

/** The filter and the cursor condition: one more argument of a lone `and(…)`, else `and(filter, condition)`. */
function joinCondition(source: string, filter: TSESTree.Node[], condition: string): Edit {
  const only = filter.length === 1 ? filter[0]! : null;
  if (only?.type === T.CallExpression && only.callee.type === T.Identifier && only.callee.name === 'and' && only.arguments.length > 0) {
    const end = only.arguments.at(-1)!.range[1];
    return { start: end, end, text: `, ${condition}` };
  }
  return { start: filter[0]!.range[0], end: filter.at(-1)!.range[1], text: `and(${source.slice(filter[0]!.range[0], filter.at(-1)!.range[1])}, ${condition})` };
}

// `columns: { id: true, … }` keeps only the columns set to `true`.
function includesColumn(columns: TSESTree.ObjectExpression, name: string): boolean {
  return columns.properties.some(
    (p) => p.type === T.Property && keyName(p.key, p.computed) === name && p.value.type === T.Literal && p.value.value === true,
  );
}

/**
 * The steps of a builder kept in a variable, in the order they run: its declaration's chain, then each
 * `q = q.where(…)` or `q.orderBy(…)` statement beside it, then the chain that pages it. A step in a
 * branch or a loop, or any other use of the variable, is a reason: the cursor would have to follow it.
 */
function builderSteps(site: Extract<PagedSite, { kind: 'builder' }>, awaited: TSESTree.Node, file: FileContext): ChainSegment[] | string {
  const { declarator, call } = site;
  const name = (declarator.id as TSESTree.Identifier).name;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  const block = declaration.parent;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(declarator), name);
  if (!variable || !declarator.init) return `\`${name}\` was not found in scope`;
  const steps: ChainSegment[] = [...flattenChain(declarator.init).segments];
  const final = flattenChain(call);
  const statements: TSESTree.ExpressionStatement[] = [];
  for (const ref of variable.references) {
    if (ref.identifier === declarator.id || ref.identifier === final.base || ref.identifier === awaited) continue;
    const line = ref.identifier.loc.start.line;
    const statement = ref.identifier.type === T.Identifier ? stepStatement(ref.identifier, name) : null;
    if (!statement || statement.parent !== block) {
      if (ordersBuilder(ref.identifier)) return `the order of \`${name}\` is chosen at run time (\`orderBy\` at line ${line}): a cursor needs one order per branch, write it by hand`;
      return statement
        ? `\`${name}\` gets a step in a branch or loop (line ${line}): write the cursor by hand`
        : `\`${name}\` is also used at line ${line}: the cursor condition would change that use too`;
    }
    if (!statements.includes(statement)) statements.push(statement);
  }
  for (const statement of statements.sort((a, b) => a.range[0] - b.range[0])) steps.push(...flattenChain(stepCall(statement)!).segments);
  steps.push(...final.segments);
  for (const once of ['where', 'orderBy', 'limit', 'offset']) {
    if (steps.filter((s) => s.name === once && s.call).length > 1) return `\`${name}\` gets \`.${once}()\` more than once: only the last counts, write the cursor by hand`;
  }
  return steps;
}

/** `q.orderBy(…)`, wherever it is: the reference is the base of a chain that sets the order. */
function ordersBuilder(id: TSESTree.Node): boolean {
  let top: TSESTree.Node = id;
  while (top.parent && ((top.parent.type === T.MemberExpression && top.parent.object === top) || (top.parent.type === T.CallExpression && top.parent.callee === top))) top = top.parent;
  return top.type === T.CallExpression && flattenChain(top).segments.some((s) => s.name === 'orderBy');
}

/** `q = q.where(…)` or `q.orderBy(…);` as a statement, for the reference `id` of the builder `name`. */
function stepStatement(id: TSESTree.Identifier, name: string): TSESTree.ExpressionStatement | null {
  let node: TSESTree.Node = id;
  while (node.parent && node.parent.type !== T.ExpressionStatement && !ASTUtils.isFunction(node.parent)) node = node.parent;
  const statement = node.parent?.type === T.ExpressionStatement ? node.parent : null;
  const call = statement ? stepCall(statement) : null;
  if (!statement || !call) return null;
  const { base } = flattenChain(call);
  const assigned = statement.expression.type === T.AssignmentExpression ? statement.expression.left : null;
  const onBuilder = base.type === T.Identifier && base.name === name;
  const ok = onBuilder && (!assigned || (assigned.type === T.Identifier && assigned.name === name)) && (base === id || assigned === id);
  return ok ? statement : null;
}

function stepCall(statement: TSESTree.ExpressionStatement): TSESTree.CallExpression | null {
  const expression = statement.expression.type === T.AssignmentExpression && statement.expression.operator === '=' ? statement.expression.right : statement.expression;
  return expression.type === T.CallExpression ? expression : null;
}
