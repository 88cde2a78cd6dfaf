import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { recognizeClientFile } from '../../src/recognizers/client-file.js';
import { recognizeDrizzleQuery } from '../../src/recognizers/drizzle-query.js';
import { getFileContext } from '../../src/recognizers/file-context.js';
import { originOf } from '../../src/recognizers/origin.js';
import { dependsOnIteration, findIteration } from '../../src/recognizers/per-item.js';
import { recognizeRedisCommand } from '../../src/recognizers/redis-command.js';
import { findEnclosingProcedure, recognizeTrpcProcedure } from '../../src/recognizers/trpc-procedure.js';

/** A rule that asks every recognizer about every call of a file: the never-crash test runs it. */
export const recognizerProbe: TSESLint.RuleModule<'found', []> = {
  defaultOptions: [],
  meta: { type: 'problem', schema: [], messages: { found: '{{what}}' } },
  create(context) {
    const file = getFileContext(context);
    return {
      Program() {
        recognizeClientFile(file);
      },
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === T.MemberExpression) originOf(node.callee.object, file);
        recognizeRedisCommand(node, file);
        recognizeTrpcProcedure(node, file);
        findEnclosingProcedure(node, file);
        const query = recognizeDrizzleQuery(node, file);
        const iteration = findIteration(node, context, file.types);
        if (iteration) for (const arg of node.arguments) dependsOnIteration(arg, iteration, context);
        if (query && iteration) context.report({ node, messageId: 'found', data: { what: query.description } });
      },
    };
  },
};
