import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { RedisCommandKind } from '../knowledge/redis-commands.js';
import type { FileContext } from './file-context.js';
import { identifiers } from './per-item.js';
import { recognizeRedisCommand, type RedisCommand } from './redis-command.js';

/** Kinds of commands that a pipeline can carry without changing what the code means. */
export const BATCHABLE: ReadonlySet<RedisCommandKind> = new Set(['read', 'write']);

/** A statement that awaits one Redis command: `await redis.get(k);` or `const v = await redis.get(k);`. */
interface AwaitedCommand {
  statement: TSESTree.Statement;
  command: RedisCommand;
}

/**
 * Runs of two or more consecutive statements in a block that each await one batchable Redis command, where
 * no command reads what an earlier one in the run produced (or what the statements between assign): they
 * could share one round trip. A run stops at any other statement, at a command already in a
 * `pipeline()`/`multi()`, and at a block that WATCHes keys (an optimistic transaction must see each reply).
 */
export function findCommandRuns(body: TSESTree.Statement[], file: FileContext): RedisCommand[][] {
  const awaited = body.map((statement) => awaitedCommand(statement, file));
  if (awaited.some((a) => a?.command.command.name === 'watch')) return [];
  const runs: RedisCommand[][] = [];
  let run: AwaitedCommand[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run.map((a) => a.command));
    run = [];
  };
  for (const item of awaited) {
    if (!item || item.command.batched || !BATCHABLE.has(item.command.command.kind)) {
      flush();
      continue;
    }
    if (run.length > 0 && dependsOnEarlier(item, run, file)) flush();
    run.push(item);
  }
  flush();
  return runs;
}

function awaitedCommand(statement: TSESTree.Statement, file: FileContext): AwaitedCommand | null {
  let expression: TSESTree.Node | null | undefined;
  if (statement.type === T.ExpressionStatement) expression = statement.expression;
  else if (statement.type === T.VariableDeclaration && statement.declarations.length === 1) {
    expression = statement.declarations[0]!.init;
  }
  if (expression?.type !== T.AwaitExpression || expression.argument.type !== T.CallExpression) return null;
  const command = recognizeRedisCommand(expression.argument, file);
  return command ? { statement, command } : null;
}

/** Does the command read a variable that an earlier statement of the run declares? */
function dependsOnEarlier(item: AwaitedCommand, run: AwaitedCommand[], file: FileContext): boolean {
  const declared = new Set(
    run.flatMap((a) => (a.statement.type === T.VariableDeclaration ? [a.statement] : [])).map((s) => s.range[0]),
  );
  return identifiers(item.command.node).some((id) => {
    const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
    const def = variable?.defs[0];
    return def?.node.type === T.VariableDeclarator && declared.has(def.node.parent.range[0]);
  });
}
