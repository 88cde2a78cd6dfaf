import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { commandOfMethod } from '../knowledge/redis-commands.js';
import { memberName } from '../recognizers/chain.js';
import type { FileContext } from '../recognizers/analysis-types.js';
import { findIteration, runsAtMostOnce, type Iteration } from '../recognizers/per-item.js';
import { BATCHABLE } from '../knowledge/redis-batch-forms.js';
import { findCommandRuns } from '../recognizers/redis-batches.js';
import { recognizeRedisCommand, type RedisCommand } from '../recognizers/redis-command.js';

/** A Redis command sent once per item of a collection; `iteration` re-checked with types when the run has them. */
export interface RedisPerItem {
  command: RedisCommand;
  /** The method as called (`hGetAll`). */
  method: string;
  iteration: Iteration;
}

/**
 * What `no-unbatched-redis` reports at `node` as a command per item, or `null`: a batchable command, not
 * already in a pipeline, in a loop that is not a cursor walk or over chunks, and that runs more than once.
 */
export function findRedisPerItem(node: TSESTree.CallExpression, file: FileContext): RedisPerItem | null {
  // The name is free to check; the client's origin and the enclosing loop are not.
  const method = node.callee.type === T.MemberExpression ? memberName(node.callee) : null;
  if (!method || !commandOfMethod(method)) return null;
  const iteration = findIteration(node, file.context);
  if (!iteration || iteration.untilDone || iteration.chunked || runsAtMostOnce(node, iteration)) return null;
  const command = recognizeRedisCommand(node, file);
  if (!command || command.batched || !BATCHABLE.has(command.command.kind)) return null;
  const typed = file.types ? findIteration(node, file.context, file.types) : iteration;
  if (!typed || typed.untilDone || typed.chunked) return null;
  return { command, method, iteration: typed };
}

/**
 * What `no-unbatched-redis` reports in the statements of `block` as commands in a row: the runs of
 * `findCommandRuns`, unless the block is inside a loop, where the per-item report covers its commands.
 */
export function findUnbatchedRuns(body: TSESTree.Statement[], block: TSESTree.Node, file: FileContext): RedisCommand[][] {
  return findIteration(block, file.context) ? [] : findCommandRuns(body, file);
}
