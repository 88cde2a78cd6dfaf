import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { BATCHABLE } from '../knowledge/redis-batch-forms.js';
import { commandOfMethod } from '../knowledge/redis-commands.js';
import { memberName } from './chain.js';
import type { FileContext } from './analysis-types.js';
import { identifiers } from './per-item.js';
import { recognizeRedisCommand, type RedisCommand } from './redis-command.js';
import { walk } from './walk.js';

/** A statement that awaits one Redis command: `await redis.get(k);` or `const v = await redis.get(k);`. */
interface AwaitedCommand {
  statement: TSESTree.Statement;
  command: RedisCommand;
}

/**
 * Runs of two or more statements of a block that each await one batchable Redis command, where no command
 * reads what an earlier one in the run produced: they could share one round trip. Statements that await
 * nothing and read no reply may stand between the commands (a key or a TTL computed); a run stops at any
 * other statement (one that uses a reply, awaits something else, or branches other than an `if` that only
 * awaits commands), at a command already in a `pipeline()`/`multi()`, and at a block that WATCHes keys (an optimistic transaction
 * must see each reply).
 */
export function findCommandRuns(body: TSESTree.Statement[], file: FileContext): RedisCommand[][] {
  // A run takes two commands: most blocks have fewer statements of a command's shape, and then no receiver
  // needs tracing.
  if (body.reduce((n, statement) => n + commandShaped(statement), 0) < 2) return [];
  const awaited = body.map((statement) => awaitedCommand(statement, file));
  if (awaited.some((a) => a?.command.command.name === 'watch')) return [];
  const runs: RedisCommand[][] = [];
  let run: AwaitedCommand[] = [];
  // Declarations of the run that hold a reply.
  let fromReplies = new Set<TSESTree.Node>();
  const flush = () => {
    if (run.length >= 2) runs.push(run.map((a) => a.command));
    run = [];
    fromReplies = new Set();
  };
  for (const [i, item] of awaited.entries()) {
    const statement = body[i]!;
    // `if (previous) await redis.hincrby(…)`: a command that may join the run, queued under the same test.
    const conditional = run.length > 0 && !item ? conditionalCommands(statement, file) : null;
    if (conditional && !readsAny(statement, fromReplies, file) && conditional.every((c) => !c.batched && BATCHABLE.has(c.command.kind))) {
      run.push(...conditional.map((command) => ({ statement, command })));
      continue;
    }
    if (!item) {
      // Work that needs a reply (`console.log(a)`) or waits for something else ends the run.
      if (run.length > 0 && (!awaitsNothing(statement) || readsAny(statement, fromReplies, file))) flush();
      continue;
    }
    if (item.command.batched || !BATCHABLE.has(item.command.command.kind)) {
      flush();
      continue;
    }
    if (run.length > 0 && readsAny(item.command.node, fromReplies, file)) flush();
    run.push(item);
    if (statement.type === T.VariableDeclaration) for (const d of statement.declarations) fromReplies.add(d);
  }
  flush();
  return runs;
}

// A declaration or expression statement with no `await` (nor `yield`) in it, outside nested functions.
function awaitsNothing(statement: TSESTree.Statement): boolean {
  return (statement.type === T.VariableDeclaration || statement.type === T.ExpressionStatement) && !awaits(statement);
}

function awaits(root: TSESTree.Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (node.type === T.AwaitExpression || node.type === T.YieldExpression) found = true;
    return !found && !ASTUtils.isFunction(node);
  });
  return found;
}

/** The commands of an `if` without `else` whose test awaits nothing and whose body only awaits commands. */
function conditionalCommands(statement: TSESTree.Statement, file: FileContext): RedisCommand[] | null {
  if (statement.type !== T.IfStatement || statement.alternate || awaits(statement.test)) return null;
  const body = statement.consequent.type === T.BlockStatement ? statement.consequent.body : [statement.consequent];
  const commands = body.map((s) => (s.type === T.ExpressionStatement ? awaitedCommand(s, file)?.command : undefined));
  return commands.length > 0 && commands.every((c) => c !== undefined) ? (commands as RedisCommand[]) : null;
}

function awaitedCommand(statement: TSESTree.Statement, file: FileContext): AwaitedCommand | null {
  const call = awaitedCall(statement);
  const command = call && recognizeRedisCommand(call, file);
  return command ? { statement, command } : null;
}

// `await x.get(k);`, `const v = await x.get(k);`: the call, whatever its receiver.
function awaitedCall(statement: TSESTree.Statement): TSESTree.CallExpression | null {
  let expression: TSESTree.Node | null | undefined;
  if (statement.type === T.ExpressionStatement) expression = statement.expression;
  else if (statement.type === T.VariableDeclaration && statement.declarations.length === 1) {
    expression = statement.declarations[0]!.init;
  }
  return expression?.type === T.AwaitExpression && expression.argument.type === T.CallExpression ? expression.argument : null;
}

/** How many commands a statement could hold by its syntax alone (an `if` without `else` counts its own). */
function commandShaped(statement: TSESTree.Statement): number {
  if (statement.type === T.IfStatement && !statement.alternate) {
    const body = statement.consequent.type === T.BlockStatement ? statement.consequent.body : [statement.consequent];
    return body.reduce((n, s) => n + commandShaped(s), 0);
  }
  const callee = awaitedCall(statement)?.callee;
  const method = callee?.type === T.MemberExpression ? memberName(callee) : null;
  return method !== null && commandOfMethod(method) ? 1 : 0;
}

/** Does `node` read a variable declared by one of `declarators`? */
function readsAny(node: TSESTree.Node, declarators: ReadonlySet<TSESTree.Node>, file: FileContext): boolean {
  if (declarators.size === 0) return false;
  return identifiers(node).some((id) => {
    const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
    const def = variable?.defs[0];
    return def?.node.type === T.VariableDeclarator && declarators.has(def.node);
  });
}
