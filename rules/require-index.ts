import { createRule } from '../src/create-rule.js';
import { flattenChain } from '../src/recognizers/chain.js';
import { recognizeDrizzleQuery } from '../src/recognizers/drizzle-query.js';
import { getFileContext } from '../src/recognizers/file-context.js';
import { findMissingIndexes, indexCode, sqlNames, type MissingIndex } from '../src/recognizers/index-coverage.js';

type Options = [{ smallTables?: string[] }];
// Written once: ESLint reads `meta.defaultOptions`, typescript-eslint's creator the top-level copy.
const DEFAULTS: Options[0] = { smallTables: [] };

type MessageIds = 'filterScan' | 'sortScan' | 'cursorSort' | 'joinScan' | 'jsonScan';

const MESSAGE_IDS: Record<MissingIndex['kind'], MessageIds> = {
  filter: 'filterScan',
  order: 'sortScan',
  keyset: 'cursorSort',
  join: 'joinScan',
  jsonb: 'jsonScan',
};

// The steps that give a query something to look rows up by; anything else cannot miss an index.
const ACCESS_STEPS: ReadonlySet<string> = new Set(['where', 'orderBy', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'findMany', 'findFirst', '$count']);

export default createRule<Options, MessageIds>({
  name: 'require-index',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require an index in the Drizzle schema for the columns a query filters, sorts, pages or joins by',
      recommended: false,
      howToFix: {
        hint: 'Add the index the message names to the table in the Drizzle schema (equality columns, then the order), then generate a migration.',
        fixedBy: 'npx hotpath codemod add-index, then npx drizzle-kit generate',
      },
    },
    schema: [
      {
        type: 'object',
        properties: {
          smallTables: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Tables (variable or SQL name) small enough to scan; a `// hotpath-small-table` comment on the table does the same.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULTS],
    messages: {
      filterScan: '`{{table}}` is filtered by `{{filter}}`{{sorted}} without an index: each call scans the table. Add `{{index}}`.',
      sortScan: '`{{table}}` is sorted by `{{order}}` without an index: each call sorts the whole table. Add `{{index}}`.',
      cursorSort: '`{{table}}` is paged by `{{order}}`{{within}}; no index has this order, so each page sorts all matches. Add `{{index}}`.',
      joinScan: '`{{table}}` is joined on `{{filter}}` without an index: each call scans the table. Add `{{index}}`.',
      jsonScan: '`{{operator}}` on the JSONB column `{{table}}.{{filter}}` has no GIN or expression index: each call scans the table. Add `{{index}}`.',
    },
  },
  defaultOptions: [DEFAULTS],
  create(context, [options]) {
    const file = getFileContext(context);
    const smallTables = new Set(options.smallTables ?? []);
    return {
      CallExpression(node) {
        // Shape first: recognizing the query traces its receiver.
        if (!flattenChain(node).segments.some((s) => ACCESS_STEPS.has(s.name))) return;
        const query = recognizeDrizzleQuery(node, file);
        if (!query) return;
        for (const missing of findMissingIndexes(query, file, { smallTables })) {
          context.report({ node: missing.node, messageId: MESSAGE_IDS[missing.kind], data: describe(missing) });
        }
      },
    };
  },
});

function describe(missing: MissingIndex): Record<string, string> {
  const { table, filter, order } = missing;
  const eq = filter.filter((c) => !order.includes(c));
  return {
    table: table.sqlName,
    filter: sqlNames(table, filter),
    order: sqlNames(table, order),
    sorted: missing.kind === 'filter' && order.length > 0 ? ` and sorted by \`${sqlNames(table, order)}\`` : '',
    within: eq.length > 0 ? ` within \`${sqlNames(table, eq)}\`` : '',
    operator: missing.operator ?? '',
    index: indexCode(table, missing.index),
  };
}

