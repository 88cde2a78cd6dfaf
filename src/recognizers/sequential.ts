import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from './analysis-types.js';
import { identifiers, type Iteration } from './per-item.js';
import { walk } from './walk.js';

/**
 * A statement that needs the previous iteration's result (each insert uses the id the last one returned):
 * the loop is a chain, not a batch. Seen as an argument that reads a variable declared before the loop and
 * assigned inside it from an awaited value.
 */
export function isSequential(args: TSESTree.Node[], iteration: Iteration, file: FileContext): boolean {
  const { sourceCode } = file.context;
  const loop = iteration.node;
  const inside = (node: TSESTree.Node) => node.range[0] >= loop.range[0] && node.range[1] <= loop.range[1];
  return args.some((arg) =>
    identifiers(arg).some((id) => {
      const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
      if (!variable || variable.defs.some((d) => inside(d.name))) return false;
      return variable.references.some((ref) => {
        const assignment = ref.identifier.parent;
        return (
          ref.isWrite() &&
          inside(ref.identifier) &&
          assignment?.type === T.AssignmentExpression &&
          derivesFromAwait(assignment.right, file, inside, 3)
        );
      });
    }),
  );
}

function derivesFromAwait(
  expr: TSESTree.Node,
  file: FileContext,
  inside: (node: TSESTree.Node) => boolean,
  depth: number,
): boolean {
  let found = false;
  walk(expr, (node) => {
    if (found) return false;
    if (node.type === T.AwaitExpression) found = true;
    else if (node.type === T.Identifier && depth > 0) {
      const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(node), node);
      const def = variable?.defs[0];
      if (def?.node.type === T.VariableDeclarator && def.node.init && inside(def.node)) {
        found = derivesFromAwait(def.node.init, file, inside, depth - 1);
      }
    }
    return !found;
  });
  return found;
}
