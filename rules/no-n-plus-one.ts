import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import type { DrizzleOperation } from '../src/knowledge/drizzle.js';
import { recognizeDrizzleQuery } from '../src/recognizers/drizzle-query.js';
import { getFileContext, type FileContext } from '../src/recognizers/file-context.js';
import { collectionText, dependsOnIteration, findIteration, runsAtMostOnce, type Iteration } from '../src/recognizers/per-item.js';
import { findDatabasePassedBlind, findQueryThroughHelpers } from '../src/recognizers/query-helpers.js';
import { isSequential } from '../src/recognizers/sequential.js';

type Options = [
  {
    ignoreLiteralArraysUpTo?: number;
    maxHelperDepth?: number;
    reportLoopInvariant?: boolean;
  },
];
type MessageIds = 'queryPerItem' | 'sameQueryPerItem' | 'databasePerItem';

// What to do instead, by what the repeated statement does. The `dataloader` codemod rewrites lookups (reads
// by key), `batch-writes` inserts, deletes and same-value updates; the other operations have no codemod. The docs page has the longer explanations.
const LOOKUP = 'Use one `inArray` query, or `npx hotpath codemod dataloader`.';
const ADVICE: Record<DrizzleOperation, string> = {
  select: LOOKUP,
  query: LOOKUP,
  count: 'Count all groups in one `groupBy` query.',
  execute: 'Run one statement for all items (`= ANY(…)`, `IN (…)`).',
  prepared: 'Load all rows in one `inArray` query, or through a DataLoader.',
  insert: 'Insert all rows with one `.values([…])`, or `npx hotpath codemod batch-writes`.',
  update: 'Update all rows with one `inArray`, or `npx hotpath codemod batch-writes`.',
  delete: 'Delete all rows with one `inArray`, or `npx hotpath codemod batch-writes`.',
  batch: 'Collect the statements into one `db.batch([…])`.',
  transaction: 'Run one transaction around the loop, with batched statements.',
  refresh: 'Refresh the view once, after the loop.',
};

export default createRule<Options, MessageIds>({
  name: 'no-n-plus-one',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Drizzle queries that run once per item of a collection (N+1 queries)',
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreLiteralArraysUpTo: {
            type: 'integer',
            minimum: 0,
            description: 'Loops over an array literal of at most this many constants are not reported.',
          },
          maxHelperDepth: {
            type: 'integer',
            minimum: 0,
            maximum: 10,
            description: 'How many helper calls deep to look for a query behind a call made per item (0: only direct queries).',
          },
          reportLoopInvariant: {
            type: 'boolean',
            description: 'Report a query whose arguments do not change between iterations, with its own message.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreLiteralArraysUpTo: 5, maxHelperDepth: 3, reportLoopInvariant: true }],
    messages: {
      queryPerItem: '`{{query}}` runs once {{where}}: N+1 round trips. {{advice}}',
      sameQueryPerItem: '`{{query}}` runs once {{where}} with the same arguments: the same query each time. Run it once, before the loop.',
      databasePerItem:
        '`{{callee}}()` gets `{{database}}` once {{where}}: probably a query each time (its code is not in this checkout). Pass all items to one call.',
    },
  },
  defaultOptions: [{ ignoreLiteralArraysUpTo: 5, maxHelperDepth: 3, reportLoopInvariant: true }],
  create(context, [options]) {
    const file = getFileContext(context);
    const literalLimit = options.ignoreLiteralArraysUpTo ?? 5;
    const maxHelperDepth = options.maxHelperDepth ?? 3;

    function repeats(iteration: Iteration | null, node: TSESTree.Node): iteration is Iteration {
      if (!iteration || iteration.untilDone || iteration.chunked || runsAtMostOnce(node, iteration)) return false;
      return iteration.literalSize === null || iteration.literalSize > literalLimit;
    }

    function report(node: TSESTree.CallExpression, iteration: Iteration, query: string, operation: DrizzleOperation, varying: boolean) {
      if (!varying && options.reportLoopInvariant === false) return;
      context.report({
        node,
        messageId: varying ? 'queryPerItem' : 'sameQueryPerItem',
        data: { query, ...describeIteration(iteration, file), advice: ADVICE[operation] },
      });
    }

    return {
      CallExpression(node) {
        // Where a call repeats is cheap to see; whether it is a query needs its receiver's origin, which may
        // mean reading other modules. Most queries are not in loops, so ask in this order.
        if (node.callee.type !== T.Identifier && node.callee.type !== T.MemberExpression) return;
        if (!repeats(findIteration(node, context), node)) return;
        const query = recognizeDrizzleQuery(node, file);
        const found = query ? null : maxHelperDepth > 0 ? findQueryThroughHelpers(node, file, maxHelperDepth) : null;
        const blind = query || found || maxHelperDepth === 0 ? null : findDatabasePassedBlind(node, file);
        if (!query && !found && !blind) return;
        // With types, a `.map()` on something that is not a collection is no loop: ask again, typed.
        const iteration = findIteration(node, context, file.types);
        if (!repeats(iteration, node)) return;
        if (query) {
          if (query.operation !== 'batch' && isSequential(query.arguments, iteration, file)) return;
          // `for (const table of tables) await tx.insert(table)…`: one statement per table, which no query joins.
          if (query.tableArgument && dependsOnIteration(query.tableArgument, iteration, context)) return;
          const varying = query.arguments.some((arg) => dependsOnIteration(arg, iteration, context));
          report(node, iteration, query.description, query.operation, varying);
          return;
        }
        if (blind) {
          const { where } = describeIteration(iteration, file);
          context.report({ node, messageId: 'databasePerItem', data: { callee: blind.callee, database: blind.database, where } });
          return;
        }
        const chain = [...found!.helpers.map((h) => `${h}()`), withCall(found!.query.description)].join(' → ');
        const varying = [node.callee, ...node.arguments].some((part) => dependsOnIteration(part, iteration, context));
        report(node, iteration, chain, found!.query.operation, varying);
      },
    };
  },
});

function withCall(description: string): string {
  return description.endsWith(')') ? description : `${description}()`;
}

/**
 * "per item of `posts`", or "per iteration of the while loop": the loop itself is a line or two above the
 * report, so the message names only what it iterates.
 */
function describeIteration(iteration: Iteration, file: FileContext): { where: string } {
  const collection = collectionText(iteration, (node) => file.context.sourceCode.getText(node));
  if (collection === null) return { where: `per iteration of the ${loopLabel(iteration)}` };
  return { where: `per item of \`${collection}\`` };
}

function loopLabel(iteration: Iteration): string {
  switch (iteration.kind) {
    case 'for-of':
      return 'for…of';
    case 'for-await':
      return 'for await…of';
    case 'for-in':
      return 'for…in';
    case 'for':
      return 'for loop';
    case 'while':
      return 'while loop';
    case 'do-while':
      return 'do…while loop';
    case 'callback':
    {
      return `${iteration.method === 'Array.from' ? '`Array.from()`' : `\`.${iteration.method}()\``} callback`;
    }
  }
}
