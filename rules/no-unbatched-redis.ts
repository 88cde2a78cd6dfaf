import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { findRedisPerItem, findUnbatchedRuns } from '../src/detect/unbatched-redis.js';
import { REDIS_BATCH_FORMS } from '../src/knowledge/redis-batch-forms.js';
import { compactText } from '../src/recognizers/chain.js';
import { getFileContext } from '../src/recognizers/file-context.js';
import { collectionText, type Iteration } from '../src/recognizers/per-item.js';
import type { RedisCommand } from '../src/recognizers/redis-command.js';

type MessageIds = 'commandPerItem' | 'consecutiveCommands';

// Named in every message: it rewrites what this rule reports, where it can prove the rewrite safe.
const CODEMOD = '`npx hotpath codemod redis-pipeline`';

export default createRule<[], MessageIds>({
  name: 'no-unbatched-redis',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Redis commands that could share one round trip: per item of a collection, or several in a row',
      recommended: true,
      howToFix: {
        hint: 'Send the commands in one round trip: a pipeline, `MGET`/`MSET`, or one multi-key command.',
        fixedBy: 'npx hotpath codemod redis-pipeline',
      },
    },
    schema: [],
    messages: {
      commandPerItem: '`{{call}}` runs once {{where}}: {{cost}} {{advice}}',
      consecutiveCommands: '{{count}} round trips for {{count}} independent Redis commands in a row ({{commands}}). {{advice}}',
    },
  },
  defaultOptions: [],
  create(context) {
    const file = getFileContext(context);

    function checkRuns(body: TSESTree.Statement[], block: TSESTree.Node) {
      for (const run of findUnbatchedRuns(body, block, file)) {
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
                ? `Use one \`${vocabulary(first).mget}\`, or ${CODEMOD}.`
                : `Send one \`${vocabulary(first).pipeline}\`, or ${CODEMOD}.`,
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
        const finding = findRedisPerItem(node, file);
        if (!finding) return;
        const { command, method, iteration } = finding;
        context.report({
          node,
          messageId: 'commandPerItem',
          data: {
            call: `${compactText(context.sourceCode.getText(command.receiver))}.${method}()`,
            where: describeWhere(iteration, context.sourceCode.getText.bind(context.sourceCode)),
            cost: cost(command, iteration),
            advice: advice(command),
          },
        });
      },
    };
  },
});

/** The client's batched forms, as advice names them; a client of unknown library is told ioredis' words. */
function vocabulary(command: RedisCommand): { mget: string; pipeline: string } {
  const form = REDIS_BATCH_FORMS[command.client === 'unknown' ? 'ioredis' : command.client];
  return { mget: form.mget, pipeline: `${form.open}()…${form.send}()` };
}

// What N commands cost, in a few words (the docs page has the details): awaited one by one in a loop, each
// waits for its reply; issued together (a `.map()` into `Promise.all`), it depends on the client.
function cost(command: RedisCommand, iteration: Iteration): string {
  const sequential = iteration.kind !== 'callback' && command.node.parent?.type === T.AwaitExpression;
  if (command.client === 'upstash') return 'one HTTP request each.';
  if (sequential) return 'one round trip each.';
  switch (command.client) {
    case 'ioredis':
      return 'ioredis sends one command each.';
    case 'node-redis':
      return 'the server still runs one command each.';
    default:
      return 'one command each.';
  }
}

function advice(command: RedisCommand): string {
  const words = vocabulary(command);
  const name = command.command.name;
  if (name === 'get' && !command.cluster) return `Use one \`${words.mget}\`, or ${CODEMOD}.`;
  // On a cluster, a multi-key command needs every key in one hash slot.
  if (name === 'get') return `Use one \`${words.pipeline}\`, or ${CODEMOD}.`;
  return `Use one \`${words.pipeline}\`, or ${CODEMOD}.`;
}

function describeWhere(iteration: Iteration, getText: (node: TSESTree.Node) => string): string {
  const collection = collectionText(iteration, getText);
  return collection === null ? 'per iteration of a loop' : `per item of \`${collection}\``;
}

/** Keys that name the same `{hash tag}` land in one cluster slot, so a multi-key command is allowed. */
function sameHashTag(keys: TSESTree.Node[], getText: (node: TSESTree.Node) => string): boolean {
  const tags = keys.map((key) => /\{([^}$]+)\}/.exec(getText(key))?.[1]);
  return tags.every((tag) => tag !== undefined && tag === tags[0]);
}
