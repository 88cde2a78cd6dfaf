import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Visits `root` and its descendants in source order, with each node's parent; `visit` returns false to skip
 * a node's children. Iterative, so deeply nested generated code cannot overflow the stack.
 */
export function walk(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node, parent: TSESTree.Node | null) => boolean,
): void {
  const stack: Array<[TSESTree.Node, TSESTree.Node | null]> = [[root, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (!visit(node, parent)) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (value[i]) stack.push([value[i] as TSESTree.Node, node]);
      } else if (value && typeof value === 'object') {
        stack.push([value as TSESTree.Node, node]);
      }
    }
  }
}
