import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileInfo, Options } from 'jscodeshift';
import type { HotpathApi, JscodeshiftCodemod } from '../../src/codemods/contract.js';
import { analyzeSource } from '../../src/codemods/analyze.js';
import { removeDeadImports } from '../../src/codemods/dead-imports.js';
import { codemodConfig } from '../../src/codemods/run-config.js';
import { text } from '../../src/codemods/source-text.js';
import { flattenChain, keyName } from '../../src/recognizers/chain.js';
import { readTableSchema } from '../../src/recognizers/drizzle-schema.js';
import { recognizeDrizzleQuery } from '../../src/recognizers/drizzle-query.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { findBuilderOffset, findOffsetPagination } from '../../src/recognizers/offset-pagination.js';
import { findEnclosingProcedure } from '../../src/recognizers/trpc-procedure.js';
import { walk } from '../../src/recognizers/walk.js';
import { addDrizzleImports, applyEdits, type Edit } from './edits.js';
import { operatorsIn, totalOrder } from './keyset.js';
import { findPageHelper, rewritePageHelper } from './helper-context.js';
import { findOffsetCursor, isPure, rewriteOffsetCursor } from './offset-cursor.js';
import { pageField, readsInput, rewriteProcedure } from './procedure-context.js';
import { readQueryForm, type PagedSite } from './query-form.js';

type Plan = { line: number; edits: Edit[]; imports: string[] } | { line: number; reason: string };

const PAGE_FIELDS = new Set(['page', 'offset', 'skip']);
/** Result keys that tell the client how many rows or pages there are: what a page-number control reads. */
const TOTAL_KEYS = /^(total|totalCount|totalSize|totalItems|totalRows|totalPages|pageCount|count)$/;
/** A count of pages: it means nothing without page numbers, so even `--keep-total` leaves it alone. */
const PAGE_COUNT = /(^|\.)(totalPages|pageCount)$/;

/**
 * Rewrites Drizzle queries paged by offset into keyset (cursor) pagination, where the order is total (or
 * made total with the primary key) and the callers cannot tell, or are told:
 * - a tRPC procedure with a `page`/`offset`/`skip` input: the input becomes `cursor` (the order values of
 *   the last row), the query fetches `limit + 1` rows, the procedure returns `{ items, nextCursor }`;
 * - a function whose opaque string cursor holds an offset (`cursor ? Number.parseInt(cursor, 10) : 0`):
 *   the string holds the last row's order values instead, signature and result unchanged;
 * - a module-private helper handed a procedure's page input (`listPosts(ctx.db, input.page)`): the
 *   procedures take `cursor`, the helper takes it in place of the page and returns `{ items, nextCursor }`;
 * - in both, a select chain, `findMany({ … })`, or a builder kept in a variable (`let q = db.select()…;
 *   q = q.where(…); q.limit(n).offset(k)`), with joins that cannot repeat rows.
 * A result that carries a total next to the page is left alone unless `keep-total` is set (`--keep-total`):
 * then the count stays and the result gains `nextCursor`.
 * What it cannot rewrite safely it leaves as it is and says why; client `useQuery({ page })` calls are listed.
 */
export default function transform(file: FileInfo, api: HotpathApi, options: Options = {}): string | undefined {
  const source = file.source;
  const keepTotal = options['keep-total'] === true || options['keep-total'] === 'true';
  const allowed = allowedTables(file.path);
  const plans = analyzeSource<Plan>(source, file.path, (ctx, found) => ({
    CallExpression(node) {
      const query = recognizeDrizzleQuery(node, ctx);
      // The tables the user lets `no-offset-pagination` page by offset are theirs to page so.
      const offset = query && !(query.table !== null && allowed.has(query.table)) && findOffsetPagination(query, ctx);
      const builder = !query ? findBuilderOffset(node, ctx) : null;
      if (query && offset) found(offset.kind === 'sql' ? sqlBail(node) : planSite({ kind: 'query', query }, offset.value!, ctx, source, file.path, keepTotal));
      else if (builder) found(planSite({ kind: 'builder', call: node, declarator: builder.declarator }, builder.offset.value!, ctx, source, file.path, keepTotal));
      else if (isPageQueryHook(node)) {
        found({ line: node.loc.start.line, reason: 'a page-numbered query on the client: move it to `useInfiniteQuery` with `getNextPageParam: (last) => last.nextCursor` once its procedure pages by cursor' });
      }
    },
  }));
  const edits: Edit[] = [];
  const imports = new Set<string>();
  for (const plan of withoutOverlaps(plans)) {
    if ('reason' in plan) api.bail(plan.line, plan.reason);
    else {
      edits.push(...plan.edits);
      plan.imports.forEach((name) => imports.add(name));
    }
  }
  if (edits.length === 0) return undefined;
  return removeDeadImports(source, addDrizzleImports(applyEdits(source, edits), [...imports]), file.path);
}

/** `no-offset-pagination`'s `allow` option in the user's config for `file`. */
function allowedTables(file: string): Set<string> {
  return new Set(codemodConfig(file).options['no-offset-pagination']?.allow ?? []);
}

/** Two sites whose rewrites touch the same code (one offset shared by two queries): neither is rewritten. */
function withoutOverlaps(plans: Plan[]): Plan[] {
  const overlap = (a: Edit[], b: Edit[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end || (x.start === y.start && x.end === y.end)));
  return plans.map((plan) => {
    if ('reason' in plan) return plan;
    const other = plans.find((p) => p !== plan && 'edits' in p && overlap(plan.edits, p.edits));
    return other ? { line: plan.line, reason: `the rewrite of the query at line ${other.line} changes the same code: rewrite both by hand` } : plan;
  });
}

function sqlBail(node: TSESTree.Node): Plan {
  return { line: node.loc!.start.line, reason: 'OFFSET in raw SQL: rewrite it by hand (a keyset `WHERE (a, id) < ($1, $2)` and `LIMIT n + 1`)' };
}

function planSite(site: PagedSite, offset: TSESTree.Node, file: FileContext, source: string, path: string, keepTotal: boolean): Plan {
  // A builder's refusal goes where it is paged: its declaration can be far above.
  const node = site.kind === 'query' ? site.query.node : site.call;
  const bail = (reason: string): Plan => ({ line: node.loc.start.line, reason });
  const fn = enclosingFunction(node);
  const total = fn && returnedTotal(fn);
  if (total && PAGE_COUNT.test(total)) return bail(`the result carries \`${total}\`: only a page-number control reads a page count, rewrite client and server together`);
  if (total && !keepTotal) {
    return bail(`the result carries \`${total}\` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total`);
  }
  const procedure = findEnclosingProcedure(node, file);
  if (procedure && isPublishedRest(procedure.node)) {
    return bail('the procedure is published as a REST endpoint (`meta.openapi`): callers outside the checkout send the offset, keep it or version the endpoint');
  }
  const field = procedure?.resolver && procedure.input ? pageField(procedure.input) : null;
  const cursor = findOffsetCursor(offset, file);
  const helper = !cursor && !procedure && fn ? findPageHelper(offset, fn, file) : null;
  if (typeof helper === 'string') return bail(helper);
  if (!cursor && !helper) {
    if (!procedure?.resolver || !procedure.input) {
      return bail('the offset is not read from a tRPC input or from a cursor string: its callers choose the page, rewrite them with it');
    }
    if (!field) return bail('the procedure input is not a `z.object({ … })` with a `page`, `offset` or `skip` number');
    if (!readsInput(text(source, offset), field.name)) return bail(`the offset is not computed from \`input.${field.name}\``);
  }
  const form = readQueryForm(site, file, path, source);
  if (typeof form === 'string') return bail(form);
  if (!form.limit) return bail('the query has no limit');
  if (!isPure(form.limit)) return bail('the limit is an expression with effects: it would be evaluated twice');
  const schema = readTableSchema(form.table, path, source);
  // NULLs sort last ascending and first descending in Postgres only: MySQL and SQLite put them the other way.
  const terms = totalOrder(form.order, form.table, form.columns, schema?.factory === 'pgTable');
  if (typeof terms === 'string') return bail(terms);
  for (const term of terms) {
    // SQLite's `integer()` reads Dates or booleans in its `timestamp`/`boolean` modes: the cursor's type is unknown.
    if (schema?.factory === 'sqliteTable' && schema.columns.get(term.column)?.builder === 'integer' && !term.info.primaryKey) {
      return bail(`the order column \`${form.table}.${term.column}\` is an SQLite \`integer()\`, which may hold Dates (\`mode: "timestamp"\`): write the cursor by hand`);
    }
    const key = form.keyOf(term);
    if (key === null) return bail(`the query does not select \`${form.table}.${term.column}\`: the cursor needs it in each row`);
    term.key = key;
  }
  const edits = cursor
    ? rewriteOffsetCursor(cursor, form, terms, file, source)
    : helper
      ? rewritePageHelper(helper, form, terms, source, total)
      : rewriteProcedure(procedure!, field!.node, form, terms, source, total);
  if (typeof edits === 'string') return bail(edits);
  return { line: node.loc.start.line, edits, imports: operatorsIn(edits.map((e) => e.text).join('\n')) };
}

function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | null {
  for (let n = node.parent; n; n = n.parent) if (ASTUtils.isFunction(n)) return n;
  return null;
}

/** A total-count key (`total`, `totalCount`, `meta.totalPages`…) of an object the function returns. */
function returnedTotal(fn: TSESTree.FunctionLike): string | null {
  const returned: TSESTree.Node[] = fn.body && fn.body.type !== T.BlockStatement ? [fn.body] : [];
  walk(fn.body ?? fn, (node) => {
    if (node.type === T.ReturnStatement && node.argument) returned.push(node.argument);
    return node === fn.body || !ASTUtils.isFunction(node);
  });
  for (const value of returned) {
    const found = totalKey(value, 0);
    if (found) return found;
  }
  return null;
}

function totalKey(node: TSESTree.Node, depth: number): string | null {
  if (node.type !== T.ObjectExpression || depth > 1) return null;
  for (const prop of node.properties) {
    if (prop.type !== T.Property) continue;
    const name = keyName(prop.key, prop.computed);
    if (name && TOTAL_KEYS.test(name)) return name;
    const nested = totalKey(prop.value, depth + 1);
    if (nested) return `${name}.${nested}`;
  }
  return null;
}

/** `.meta({ openapi: { … } })` on the procedure's builder: trpc-openapi serves it to REST clients too. */
function isPublishedRest(procedure: TSESTree.CallExpression): boolean {
  return flattenChain(procedure).segments.some((s) => {
    const meta = s.name === 'meta' ? s.call?.arguments[0] : undefined;
    return meta?.type === T.ObjectExpression && meta.properties.some((p) => p.type === T.Property && keyName(p.key, p.computed) === 'openapi');
  });
}

/** `trpc.post.timeline.useQuery({ page })`: a client reading a page-numbered procedure. */
function isPageQueryHook(node: TSESTree.CallExpression): boolean {
  if (node.callee.type !== T.MemberExpression || keyName(node.callee.property, node.callee.computed) !== 'useQuery') return false;
  const input = node.arguments[0];
  return (
    input?.type === T.ObjectExpression &&
    input.properties.some((p) => p.type === T.Property && PAGE_FIELDS.has(keyName(p.key, p.computed) ?? ''))
  );
}

export const codemod: JscodeshiftCodemod = {
  kind: 'jscodeshift',
  name: 'cursor-pagination',
  description: 'Drizzle queries paged by offset (tRPC procedures, offset cursors, builders in variables) → keyset (cursor) pagination',
  accepts: { 'keep-total': ['true'] },
  transform,
};
