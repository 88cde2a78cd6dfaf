import { createRule } from '../src/create-rule.js';
import { findNPlusOne, N_PLUS_ONE_DEFAULTS, type NPlusOneOptions } from '../src/detect/n-plus-one.js';
import type { DrizzleOperation } from '../src/knowledge/drizzle.js';
import type { FileContext } from '../src/recognizers/analysis-types.js';
import { getFileContext } from '../src/recognizers/file-context.js';
import { collectionText, type Iteration } from '../src/recognizers/per-item.js';

type Options = [NPlusOneOptions];
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
      howToFix: {
        hint: 'Load the rows of all items with one query (`inArray`, a relation `with:`), or per request through a DataLoader.',
        fixedBy: 'npx hotpath codemod dataloader (lookups by key), batch-writes (inserts, deletes, same-value updates)',
      },
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
    defaultOptions: [N_PLUS_ONE_DEFAULTS],
    messages: {
      queryPerItem: '`{{query}}` runs once {{where}}: N+1 round trips. {{advice}}',
      sameQueryPerItem: '`{{query}}` runs once {{where}} with the same arguments: the same query each time. Run it once, before the loop.',
      databasePerItem:
        '`{{callee}}()` gets `{{database}}` once {{where}}: probably a query each time (its code is not in this checkout). Pass all items to one call.',
    },
  },
  defaultOptions: [N_PLUS_ONE_DEFAULTS],
  create(context, [options]) {
    const file = getFileContext(context);
    return {
      CallExpression(node) {
        const finding = findNPlusOne(node, file, options);
        if (!finding) return;
        const { where } = describeIteration(finding.iteration, file);
        if (finding.via === 'blind') {
          context.report({ node, messageId: 'databasePerItem', data: { callee: finding.callee, database: finding.database, where } });
          return;
        }
        context.report({
          node,
          messageId: finding.varying ? 'queryPerItem' : 'sameQueryPerItem',
          data: { query: finding.description, where, advice: ADVICE[finding.operation] },
        });
      },
    };
  },
});

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
