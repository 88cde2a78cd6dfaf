import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { resolveCallee } from '../src/recognizers/callee.js';
import { keyName, memberName } from '../src/recognizers/chain.js';
import { recognizeDrizzleQuery } from '../src/recognizers/drizzle-query.js';
import type { FileContext } from '../src/recognizers/analysis-types.js';
import { getFileContext } from '../src/recognizers/file-context.js';
import { findBuilderOffset, findOffsetPagination, findPageInputs, type OffsetPagination } from '../src/recognizers/offset-pagination.js';
import { findEnclosingProcedure, recognizeTrpcProcedure } from '../src/recognizers/trpc-procedure.js';
import { walk } from '../src/recognizers/walk.js';

type Options = [{ allow?: string[] }];
// Written once: ESLint reads `meta.defaultOptions`, typescript-eslint's creator the top-level copy.
const DEFAULTS: Options[0] = { allow: [] };

type MessageIds = 'offsetPagination' | 'offsetInput';

// Why and what to do, short: the docs page tells the rest (the rows that move between pages, the index).
const WHY = 'reads and drops all earlier rows. Use a cursor: `npx hotpath codemod cursor-pagination`.';

const FORMS: Record<OffsetPagination['kind'], string> = {
  offset: '`.offset()`',
  'find-many': '`findMany({ offset })`',
  sql: 'SQL `OFFSET`',
};

export default createRule<Options, MessageIds>({
  name: 'no-offset-pagination',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow offset pagination of Drizzle queries and tRPC procedures; page with a cursor',
      recommended: true,
      howToFix: {
        hint: 'Page with a cursor on an indexed, unique order (`{ items, nextCursor }`), so page N costs what page 1 does.',
        fixedBy: 'npx hotpath codemod cursor-pagination',
      },
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Tables (as named in the query, e.g. `adminSettings`) small enough to page by offset.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULTS],
    messages: {
      offsetPagination: '{{form}} {{where}} ' + WHY,
      offsetInput: '`{{field}}` in `{{endpoint}}` is an offset: `{{helper}}()` ' + WHY,
    },
  },
  defaultOptions: [DEFAULTS],
  create(context, [options]) {
    const file = getFileContext(context);
    const allowed = new Set(options.allow ?? []);

    return {
      CallExpression(node) {
        // Shapes first: recognizing a query or a procedure traces origins and may ask the checker.
        if (!mayPageByOffset(node)) return;
        const query = recognizeDrizzleQuery(node, file);
        if (query) {
          if (query.table !== null && allowed.has(query.table)) return;
          const offset = findOffsetPagination(query, file);
          if (!offset) return;
          const procedure = findEnclosingProcedure(node, file);
          context.report({
            ...(offset.index === undefined
              ? { node: offset.node }
              : { loc: { start: context.sourceCode.getLocFromIndex(offset.index), end: context.sourceCode.getLocFromIndex(offset.index + 6) } }),
            messageId: 'offsetPagination',
            // In a procedure its name says where; elsewhere the query does.
            data: { form: FORMS[offset.kind], where: procedure?.name ? `in \`${procedure.name}\`` : `on \`${query.description}\`` },
          });
          return;
        }
        const kept = findBuilderOffset(node, file);
        if (kept) {
          const procedure = findEnclosingProcedure(node, file);
          context.report({
            node: kept.offset.node,
            messageId: 'offsetPagination',
            data: { form: FORMS.offset, where: procedure?.name ? `in \`${procedure.name}\`` : `on \`${kept.builder}\`` },
          });
          return;
        }
        const procedure = recognizeTrpcProcedure(node, file);
        if (!procedure?.input || !procedure.resolver) return;
        for (const field of findPageInputs(procedure.input)) {
          const name = keyName(field.key, field.computed)!;
          const helper = helperPagingBy(procedure.resolver, name, file, allowed);
          if (helper) {
            context.report({
              node: field,
              messageId: 'offsetInput',
              data: { field: name, endpoint: procedure.name ?? procedure.type, helper },
            });
          }
        }
      },
    };
  },
});

/** A call that could be an offset-paged query or a procedure with a page input, judged by syntax alone. */
function mayPageByOffset(node: TSESTree.CallExpression): boolean {
  // Asked of every call: the chain is read from its end without building it (as `flattenChain` would).
  let last: string | undefined;
  let input: TSESTree.CallExpressionArgument | undefined | null;
  let offset = false;
  for (let current: TSESTree.Expression = node; ; ) {
    if (current.type === T.TSNonNullExpression || current.type === T.ChainExpression) {
      current = current.expression;
      continue;
    }
    const call: TSESTree.CallExpression | null = current.type === T.CallExpression ? current : null;
    const member: TSESTree.Expression = call ? call.callee : current;
    const name = member.type === T.MemberExpression ? memberName(member) : null;
    if (member.type !== T.MemberExpression || name === null) break;
    last ??= name;
    offset ||= name === 'offset';
    if (name === 'input' && input === undefined) input = call?.arguments[0] ?? null;
    current = member.object;
  }
  if (last === undefined) return false;
  if (last === 'query' || last === 'mutation' || last === 'subscription') {
    return Boolean(input && input.type !== T.SpreadElement && findPageInputs(input).length > 0);
  }
  return offset || node.arguments.some((arg) => mentionsOffset(arg));
}

// `{ offset: … }` options or an `OFFSET` in a SQL template, without looking deeper.
function mentionsOffset(arg: TSESTree.Node): boolean {
  if (arg.type === T.ObjectExpression) return arg.properties.some((p) => p.type === T.Property && keyName(p.key, p.computed) === 'offset');
  return arg.type === T.TaggedTemplateExpression && arg.quasi.quasis.some((q) => /\boffset\b/i.test(q.value.raw));
}

/**
 * A helper the resolver hands the page field to, whose own query pages by offset: the place to report is
 * then the input, since the offset itself is in another function (often another file).
 */
function helperPagingBy(resolver: TSESTree.FunctionLike, field: string, file: FileContext, allowed: Set<string>): string | null {
  let found: string | null = null;
  walk(resolver.body ?? resolver, (node) => {
    if (found) return false;
    if (node.type === T.CallExpression && node.arguments.some((arg) => readsField(arg, field))) {
      const target = resolveCallee(node, file);
      if (target && pagesByOffset(target.fn, target.file, allowed)) found = target.name;
    }
    return !found;
  });
  return found;
}

function readsField(node: TSESTree.Node, field: string): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    const member = n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && n.property.name === field;
    if (member || (n.type === T.Identifier && n.name === field && n.parent?.type !== T.MemberExpression)) found = true;
    return !found;
  });
  return found;
}

function pagesByOffset(fn: TSESTree.FunctionLike, file: FileContext, allowed: Set<string>): boolean {
  let found = false;
  walk(fn.body ?? fn, (node) => {
    if (found) return false;
    if (node.type === T.CallExpression) {
      const query = recognizeDrizzleQuery(node, file);
      found = Boolean(query && !(query.table && allowed.has(query.table)) && findOffsetPagination(query, file));
    }
    return !found;
  });
  return found;
}
