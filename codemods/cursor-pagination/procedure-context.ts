import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { ColumnInfo } from '../../src/recognizers/drizzle-schema.js';
import { indentBefore, text } from '../../src/codemods/source-text.js';
import { flattenChain, keyName, memberName } from '../../src/recognizers/chain.js';
import type { TrpcProcedure } from '../../src/recognizers/trpc-procedure.js';
import { walk } from '../../src/recognizers/walk.js';
import { lineEnd, lineIndent, replaceNode, type Edit } from './edits.js';
import { keysetCondition, orderText, readKey, type OrderTerm } from './keyset.js';
import type { QueryForm } from './query-form.js';
import { rowsBinding, totalResult, type ResultShape } from './total-result.js';

const PAGE_FIELDS = new Set(['page', 'offset', 'skip']);
const ZOD: Record<ColumnInfo['type'], string> = {
  number: 'z.number()',
  string: 'z.string()',
  date: 'z.coerce.date()',
  boolean: 'z.boolean()',
};

/** The `page`/`offset`/`skip` property of a `z.object({ … })` input. */
export function pageField(input: TSESTree.Expression): { name: string; node: TSESTree.Property } | null {
  if (input.type !== T.CallExpression || input.callee.type !== T.MemberExpression || memberName(input.callee) !== 'object') return null;
  const shape = input.arguments[0];
  if (shape?.type !== T.ObjectExpression) return null;
  for (const prop of shape.properties) {
    const name = prop.type === T.Property ? keyName(prop.key, prop.computed) : null;
    if (prop.type === T.Property && name && PAGE_FIELDS.has(name)) return { name, node: prop };
  }
  return null;
}

export function readsInput(expression: string, field: string): boolean {
  return new RegExp(`\\binput\\s*\\.\\s*${field}\\b`).test(expression);
}

/**
 * The tRPC convention: the page input becomes `cursor` (the order values of the last row, checked by zod),
 * the query fetches `limit + 1` rows, and the procedure returns `{ items, nextCursor }` for `useInfiniteQuery`.
 */
export function rewriteProcedure(
  procedure: TrpcProcedure,
  field: TSESTree.Property,
  form: QueryForm,
  terms: OrderTerm[],
  source: string,
  total: string | null = null,
): Edit[] | string {
  // tRPC validates a declared output: zod drops a `nextCursor` it does not list, a type error at best.
  if (flattenChain(procedure.node).segments.some((s) => s.name === 'output' && s.call)) {
    return 'the procedure declares its output (`.output(…)`): add `nextCursor` to it and rewrite it by hand';
  }
  const pageRead = new RegExp(`\\binput\\s*\\.\\s*${keyName(field.key, field.computed)}\\b`);
  const paged = rewritePaged(procedure.resolver!, 'input.cursor', form, terms, source, total ? { total, pageRead } : null);
  return typeof paged === 'string' ? paged : [replaceNode(field, `cursor: ${cursorSchema(terms)}`), ...paged];
}

/** The zod schema of the cursor: the order columns' values of a row, as they come back over JSON. */
export function cursorSchema(terms: OrderTerm[]): string {
  return `z.object({ ${terms.map((t) => `${t.column}: ${ZOD[t.info.type]}${t.nullable ? '.nullable()' : ''}`).join(', ')} }).nullish()`;
}

/** A total kept next to the page (`--keep-total`): its key, and what reads the page number in the result. */
export interface KeptTotal {
  total: string;
  pageRead: RegExp;
}

/**
 * The query continues after `cursor` (an expression of the cursor object) and fetches one row more than a
 * page; `fn`, the function that runs it, returns `{ items, nextCursor }`, or with a kept total its own
 * result object with `nextCursor` added.
 */
export function rewritePaged(fn: TSESTree.FunctionLike, cursor: string, form: QueryForm, terms: OrderTerm[], source: string, kept: KeptTotal | null = null): Edit[] | string {
  const result = kept ? totalResult(fn, form.awaited, kept.total, kept.pageRead, source) : resultShape(fn, form.awaited);
  if (typeof result === 'string') return result;
  const limit = text(source, form.limit!);
  const condition = `${cursor} ? ${keysetCondition(form.table, terms, (t) => `${cursor}.${t.column}`)} : undefined`;
  const nextCursor = (last: string) => `{ ${terms.map((t) => `${t.column}: ${readKey(last, t.key)}`).join(', ')} }`;
  return [
    ...form.rewrite(source, { condition, orderText: orderText(form.table, terms), limit: `${limit} + 1` }),
    ...result.rewrite(source, limit, nextCursor),
  ];
}

/**
 * How the function returns the rows: the query is its expression body or its one `return [await] query`,
 * or `const rows = await query` in its body with one `return` at its end. Anything else is not followed.
 */
function resultShape(resolver: TSESTree.FunctionLike, executed: TSESTree.Node): ResultShape | string {
  const body = resolver.body;
  const only = body?.type === T.BlockStatement && body.body.length === 1 ? body.body[0] : null;
  const lone = only?.type === T.ReturnStatement ? only.argument : null;
  if (lone && (lone === executed || (lone.type === T.AwaitExpression && lone.argument === executed))) {
    // `return [await] query` becomes `const rows = await query` and the page.
    return {
      rewrite: (source, limit, nextCursor) => {
        const indent = indentBefore(source, only!);
        const last = 'items[items.length - 1]!';
        return [
          ...(resolver.async ? [] : [{ start: resolver.range[0], end: resolver.range[0], text: 'async ' }]),
          { start: only!.range[0], end: executed.range[0], text: 'const rows = await ' },
          {
            start: executed.range[1],
            end: only!.range[1],
            text: `;\n${indent}const items = rows.slice(0, ${limit});\n${indent}return { items, nextCursor: rows.length > ${limit} ? ${nextCursor(last)} : null };`,
          },
        ];
      },
    };
  }
  if (resolver.body === executed) {
    // Edits around the query, not over it: the query's own edits are inside.
    return {
      rewrite: (source, limit, nextCursor) => {
        const line = lineIndent(source, executed.range[0]);
        const startsLine = /\n[^\S\n]*$/.test(source.slice(0, executed.range[0]));
        const indent = startsLine ? line : `${line}  `;
        const last = 'items[items.length - 1]!';
        return [
          ...(resolver.async ? [] : [{ start: resolver.range[0], end: resolver.range[0], text: 'async ' }]),
          // `=> query` becomes `=> {` + the query read into `rows` on the next line.
          { start: source.lastIndexOf('=>', executed.range[0]) + 2, end: executed.range[0], text: ` {\n${indent}const rows = await ` },
          {
            start: executed.range[1],
            end: executed.range[1],
            text: `;\n${indent}const items = rows.slice(0, ${limit});\n${indent}return { items, nextCursor: rows.length > ${limit} ? ${nextCursor(last)} : null };\n${indent.slice(2)}}`,
          },
        ];
      },
    };
  }
  if (body?.type !== T.BlockStatement) return 'the procedure returns the rows in a shape it does not follow';
  const binding = rowsBinding(body, executed);
  const last = body.body.at(-1);
  if (!binding || last?.type !== T.ReturnStatement || !last.argument || countReturns(body) !== 1) {
    return 'the procedure does not read the rows as `const rows = await query` and return once at its end';
  }
  const { declaration, id } = binding;
  const name = id.name;
  const fetched = `${name}WithNext`;
  const returned = last.argument;
  return {
    rewrite: (source, limit, nextCursor) => [
      replaceNode(id, fetched),
      // After the declaration's line, so that a comment at its end stays with it.
      { start: lineEnd(source, declaration.range[1]), end: lineEnd(source, declaration.range[1]), text: `\n${indentBefore(source, declaration)}const ${name} = ${fetched}.slice(0, ${limit});` },
      replaceNode(
        returned,
        `{ items: ${mayBePromise(returned) ? 'await ' : ''}${text(source, returned)}, nextCursor: ${fetched}.length > ${limit} ? ${nextCursor(`${name}[${name}.length - 1]!`)} : null }`,
      ),
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

function countReturns(body: TSESTree.BlockStatement): number {
  let count = 0;
  // A nested function's returns are its own.
  walk(body, (node) => {
    if (node.type === T.ReturnStatement) count++;
    return node === body || !ASTUtils.isFunction(node);
  });
  return count;
}
