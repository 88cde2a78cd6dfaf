import type { TSESTree } from '@typescript-eslint/utils';

/** Source-text helpers for codemods that edit text by ranges of the ESLint AST. */

export function text(source: string, node: TSESTree.Node): string {
  return source.slice(node.range[0], node.range[1]);
}

/** The arguments of a call as written (comments and layout kept), or '' for none. */
export function argsText(source: string, call: TSESTree.CallExpression): string {
  const args = call.arguments;
  return args.length ? source.slice(args[0]!.range[0], args.at(-1)!.range[1]) : '';
}

/** The spaces and tabs just before `node` on its line: its indentation when it starts the line. */
export function indentBefore(source: string, node: TSESTree.Node): string {
  return /[^\S\n]*$/.exec(source.slice(0, node.range[0]))![0];
}
