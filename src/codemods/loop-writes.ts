import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { resolveCallee } from '../recognizers/callee.js';
import { recognizeDrizzleQuery } from '../recognizers/drizzle-query.js';
import type { FileContext } from '../recognizers/analysis-types.js';
import type { DrizzleOperation } from '../knowledge/drizzle.js';
import { walk } from '../recognizers/walk.js';

// Reads cannot change what a later read sees; a transaction is judged by the statements in its callback;
// anything else (raw SQL, a prepared statement of unknown kind) may write.
const NOT_WRITES: ReadonlySet<DrizzleOperation> = new Set(['select', 'query', 'count', 'transaction']);

/**
 * The first Drizzle statement under `region` that may write (`db.insert(posts)…`, raw `db.execute(…)`), run
 * there or in a project function it calls (followed `depth` calls deep), described for a message; `null` when
 * there is none. Loading every key before a loop that writes would read rows as they were before its
 * writes, however unrelated the tables look (cascades and triggers reach across them).
 *
 * Knowingly not seen: writes through library functions and through functions passed in as values.
 */
export function findWrite(region: TSESTree.Node, file: FileContext, depth = 2): string | null {
  return search(region, file, depth, new Set());
}

function search(region: TSESTree.Node, file: FileContext, depth: number, seen: Set<TSESTree.Node>): string | null {
  let found: string | null = null;
  const calls: TSESTree.CallExpression[] = [];
  walk(region, (node) => {
    if (found) return false;
    if (node.type !== T.CallExpression) return true;
    const query = recognizeDrizzleQuery(node, file);
    if (query && !NOT_WRITES.has(query.operation)) found = `\`${query.description}\``;
    else if (!query) calls.push(node);
    return !found;
  });
  if (found || depth < 1) return found;
  for (const call of calls) {
    const target = resolveCallee(call, file);
    if (!target || seen.has(target.fn)) continue;
    seen.add(target.fn);
    const inner = search(target.fn.body ?? target.fn, target.file, depth - 1, seen);
    if (inner) return `${inner} (in \`${target.name}()\`)`;
  }
  return null;
}
