import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { walk } from './walk.js';

const names = (code: string, skip: (node: TSESTree.Node) => boolean = () => false) => {
  const seen: string[] = [];
  walk(parse(code), (node) => {
    if (node.type === T.Identifier) seen.push(node.name);
    return !skip(node);
  });
  return seen;
};

describe('walk', () => {
  it('visits in source order, with each node its parent', () => {
    expect(names('const a = b(c, d.e);\nfunction f(g) { return h; }')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const parents: string[] = [];
    walk(parse('x(y);'), (node, parent) => {
      if (node.type === T.Identifier) parents.push(`${node.name} in ${parent?.type}`);
      return true;
    });
    expect(parents).toEqual(['x in CallExpression', 'y in CallExpression']);
  });

  it("skips a node's children when the visitor says so", () => {
    expect(names('a(() => b);\nc;', (node) => node.type === T.ArrowFunctionExpression)).toEqual(['a', 'c']);
  });

  it('walks nesting deeper than the call stack would allow', () => {
    // Built by hand: the parser itself recurses, so generated code this deep never comes from it in a test.
    let node = { type: T.Identifier, name: 'x' } as TSESTree.Expression;
    for (let i = 0; i < 200_000; i++) node = { type: T.ArrayExpression, elements: [node] } as unknown as TSESTree.ArrayExpression;
    let found = 0;
    walk(node, (n) => {
      if (n.type === T.Identifier) found++;
      return true;
    });
    expect(found).toBe(1);
  });
});
