/** How to fix what each rule reports: the short hint a report shows, and the codemod that does it, if any. */
export const FIXES: Record<string, { hint: string; fixedBy: string }> = {
  'no-n-plus-one': {
    hint: 'Load the rows of all items with one query (`inArray`, a relation `with:`), or per request through a DataLoader.',
    fixedBy: 'npx hotpath codemod dataloader (lookups by key), batch-writes (inserts, deletes, same-value updates)',
  },
  'no-offset-pagination': {
    hint: 'Page with a cursor on an indexed, unique order (`{ items, nextCursor }`), so page N costs what page 1 does.',
    fixedBy: 'npx hotpath codemod cursor-pagination',
  },
  'no-unbatched-redis': {
    hint: 'Send the commands in one round trip: a pipeline, `MGET`/`MSET`, or one multi-key command.',
    fixedBy: 'npx hotpath codemod redis-pipeline',
  },
  'prefer-type-imports': {
    hint: 'Import what is used only as a type with `import type`, so no runtime import (and no server code) is kept.',
    fixedBy: 'npx eslint --fix (autofix)',
  },
  'require-index': {
    hint: 'Add the index the message names to the table in the Drizzle schema (equality columns, then the order), then generate a migration.',
    fixedBy: 'npx hotpath codemod add-index, then npx drizzle-kit generate',
  },
  'client-bundle-budget': {
    hint: 'Import less (one function, not the package), load it with `next/dynamic`, or pick a lighter package; keep server code out of client files.',
    fixedBy: 'editor suggestions',
  },
};
