import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { commandOfMethod } from '../src/knowledge/redis-commands.js';
import { compactText, memberName } from '../src/recognizers/chain.js';
import { getFileContext } from '../src/recognizers/file-context.js';
import { collectionText, findIteration, type Iteration } from '../src/recognizers/per-item.js';
import { BATCHABLE, findCommandRuns } from '../src/recognizers/redis-batches.js';
import { recognizeRedisCommand, type RedisCommand } from '../src/recognizers/redis-command.js';

type MessageIds = 'commandPerItem' | 'consecutiveCommands';

export default createRule<[], MessageIds>({
  name: 'no-unbatched-redis',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Redis commands that could share one round trip: per item of a collection, or several in a row',
      recommended: true,
    },
    schema: [],
    messages: {
      commandPerItem: '`{{call}}` ({{command}}) runs once {{where}}: {{cost}} {{advice}}',
      consecutiveCommands:
        '{{count}} Redis commands in a row ({{commands}}) wait for {{count}} round trips, and none needs another’s reply. {{advice}}',
    },
  },
  defaultOptions: [],
  create(context) {
    const file = getFileContext(context);

    function checkRuns(body: TSESTree.Statement[], block: TSESTree.Node) {
      // Inside a loop the per-item report already covers these commands.
      if (findIteration(block, context)) return;
      for (const run of findCommandRuns(body, file)) {
        const names = run.map((c) => c.command.name.toUpperCase());
        const allGets = names.every((n) => n === 'GET');
        const first = run[0]!;
        context.report({
          node: first.node,
          messageId: 'consecutiveCommands',
          data: {
            count: String(run.length),
            commands: names.join(', '),
            advice:
              allGets && (!first.cluster || sameHashTag(run.flatMap((c) => c.keys), context.sourceCode.getText.bind(context.sourceCode)))
                ? `Read them with one \`${vocabulary(first).mget}\`.`
                : `Send them in one \`${vocabulary(first).pipeline}\`.`,
          },
        });
      }
    }

    return {
      Program(node) {
        checkRuns(node.body as TSESTree.Statement[], node);
      },
      BlockStatement(node) {
        checkRuns(node.body, node);
      },
      CallExpression(node) {
        // The name is free to check; the client's origin and the enclosing loop are not.
        if (node.callee.type !== T.MemberExpression || !commandOfMethod(memberName(node.callee) ?? '')) return;
        const iteration = findIteration(node, context);
        if (!iteration || iteration.untilDone) return;
        const command = recognizeRedisCommand(node, file);
        if (!command || command.batched || !BATCHABLE.has(command.command.kind)) return;
        const typedIteration = file.types ? findIteration(node, context, file.types) : iteration;
        if (!typedIteration || typedIteration.untilDone) return;
        context.report({
          node,
          messageId: 'commandPerItem',
          data: {
            call: `${compactText(context.sourceCode.getText(command.receiver))}.${memberName(node.callee)}()`,
            command: command.command.name.toUpperCase(),
            where: describeWhere(typedIteration, context.sourceCode.getText.bind(context.sourceCode)),
            cost: cost(command, typedIteration),
            advice: advice(command),
          },
        });
      },
    };
  },
});

function vocabulary(command: RedisCommand): { mget: string; mset: string; pipeline: string } {
  return command.client === 'node-redis'
    ? { mget: 'mGet', mset: 'mSet', pipeline: 'multi()…execAsPipeline()' }
    : { mget: 'mget', mset: 'mset', pipeline: 'pipeline()…exec()' };
}

// What N commands cost, as accurately as the client allows: awaited one by one in a loop, each waits for
// its reply; issued together (a `.map()` into `Promise.all`), they differ by client.
function cost(command: RedisCommand, iteration: Iteration): string {
  const sequential = iteration.kind !== 'callback' && command.node.parent?.type === T.AwaitExpression;
  if (command.client === 'upstash') return 'each command is its own HTTP request to Upstash unless auto-pipelining batches them.';
  if (sequential) return 'each `await` waits for its own round trip.';
  switch (command.client) {
    case 'ioredis':
      return 'ioredis writes one command per item (unless the client enables `enableAutoPipelining`), and the server runs each.';
    case 'node-redis':
      return 'node-redis pipelines commands issued in the same tick, but the server still runs one command per item.';
    default:
      return 'one command per item.';
  }
}

function advice(command: RedisCommand): string {
  const words = vocabulary(command);
  const name = command.command.name;
  if (name === 'get' && !command.cluster) return `Read all keys with one \`${words.mget}\`.`;
  if (name === 'get') return `Use one \`${words.pipeline}\`: on a cluster, \`${words.mget}\` needs every key in one hash slot.`;
  if (name === 'set') return `Write them in one \`${words.pipeline}\` (or one \`${words.mset}\` when there is no expiry).`;
  return `Queue them in one \`${words.pipeline}\`.`;
}

function describeWhere(iteration: Iteration, getText: (node: TSESTree.Node) => string): string {
  const line = iteration.node.loc.start.line;
  const collection = collectionText(iteration, getText);
  return collection === null ? `per iteration of the loop at line ${line}` : `per item of \`${collection}\` (line ${line})`;
}

/** Keys that name the same `{hash tag}` land in one cluster slot, so a multi-key command is allowed. */
function sameHashTag(keys: TSESTree.Node[], getText: (node: TSESTree.Node) => string): boolean {
  const tags = keys.map((key) => /\{([^}$]+)\}/.exec(getText(key))?.[1]);
  return tags.every((tag) => tag !== undefined && tag === tags[0]);
}
