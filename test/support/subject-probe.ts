import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { probe, type Mode } from './harness.js';

/**
 * What `ask` answers of the initializer of each `const subject = …` in `code`, linted as `probe` lints it: a way
 * to point a recognizer at one expression of a real-looking file. Throws when there is no `subject`, so that a
 * case whose code is mistyped cannot pass for want of anything to ask.
 */
export function askSubject<R>(
  code: string,
  mode: Mode,
  ask: (init: TSESTree.Expression, file: FileContext) => R,
  options: Parameters<typeof probe>[3] = {},
): R[] {
  const answers: R[] = [];
  probe(code, mode, {
    on: 'VariableDeclarator',
    run(node, file) {
      const { id, init } = node as TSESTree.VariableDeclarator;
      if (id.type === T.Identifier && id.name === 'subject' && init) answers.push(ask(init, file));
      return null;
    },
  }, options);
  if (answers.length === 0) throw new Error(`no \`const subject = …\` in:\n${code}`);
  return answers;
}
