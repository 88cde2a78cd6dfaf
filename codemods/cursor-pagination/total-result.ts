import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { indentBefore, text } from '../../src/codemods/source-text.js';
import { keyName, memberName } from '../../src/recognizers/chain.js';
import { walk } from '../../src/recognizers/walk.js';
import { lineBreakOrSpace, lineEnd, replaceNode, type Edit } from './edits.js';

/** How the function hands its rows back, and the edits that make it hand back a page and `nextCursor`. */
export interface ResultShape {
  rewrite(source: string, limit: string, nextCursor: (last: string) => string): Edit[];
}

/** Where the rows are read: `const rows = await query`, or `const [rows, count] = await Promise.all([query, …])`. */
export interface RowsBinding {
  declaration: TSESTree.VariableDeclaration;
  id: TSESTree.Identifier;
}

export function rowsBinding(body: TSESTree.BlockStatement, executed: TSESTree.Node): RowsBinding | null {
  for (const statement of body.body) {
    const declarator = statement.type === T.VariableDeclaration && statement.declarations.length === 1 ? statement.declarations[0]! : null;
    const awaited = declarator?.init?.type === T.AwaitExpression ? declarator.init.argument : null;
    if (!declarator || !awaited) continue;
    if (awaited === executed && declarator.id.type === T.Identifier) return { declaration: statement as TSESTree.VariableDeclaration, id: declarator.id };
    // The page and its count run side by side: the rows are the pattern's element at the query's index.
    const all = awaited.type === T.CallExpression && awaited.callee.type === T.MemberExpression ? awaited : null;
    const list = all && isPromiseAll(all) && all.arguments[0]?.type === T.ArrayExpression ? all.arguments[0] : null;
    const index = list ? list.elements.indexOf(executed as TSESTree.Expression) : -1;
    const element = index >= 0 && declarator.id.type === T.ArrayPattern ? declarator.id.elements[index] : null;
    if (element?.type === T.Identifier) return { declaration: statement as TSESTree.VariableDeclaration, id: element };
  }
  return null;
}

function isPromiseAll(call: TSESTree.CallExpression): boolean {
  const callee = call.callee as TSESTree.MemberExpression;
  return callee.object.type === T.Identifier && callee.object.name === 'Promise' && memberName(callee) === 'all';
}

/**
 * A result that carries a total next to the page (`return { items, total }`), kept with `--keep-total`.
 * The count is its own query, which never read the offset, so it counts the same rows as before; the
 * returned object gains `nextCursor` (the last row's order values, `null` on the last page), and each
 * earlier `return { items: [], total: 0 }` gains `nextCursor: null`, so every result has one shape.
 * A reason when the total is counted from the page's rows, when another field is computed from the page
 * number (it has no meaning for a cursor), or when the function returns after reading the rows but not at its end.
 */
export function totalResult(fn: TSESTree.FunctionLike, executed: TSESTree.Node, total: string, pageRead: RegExp, source: string): ResultShape | string {
  const body = fn.body;
  if (body?.type !== T.BlockStatement) return 'the function returns the rows in a shape it does not follow';
  const binding = rowsBinding(body, executed);
  const final = body.body.at(-1);
  const returned = final?.type === T.ReturnStatement && final.argument?.type === T.ObjectExpression ? final.argument : null;
  if (!binding || !returned) return `the rows are not read as \`const rows = await query\` (or from \`Promise.all\`) and returned as \`{ …, ${total} }\` at the end`;
  const rows = binding.id.name;
  const totalKey = total.split('.')[0];
  for (const prop of returned.properties) {
    if (prop.type !== T.Property) return 'the result spreads an object into itself: whether it already has a `nextCursor` is unknown';
    const key = keyName(prop.key, prop.computed);
    const value = text(source, prop.value);
    if (key === 'nextCursor' || key === 'cursor') return `the result already has a \`${key}\`: rewrite it by hand`;
    if (pageRead.test(value)) return `the result's \`${key}\` is computed from the page input: it has no meaning for a cursor, rewrite it by hand`;
    if (key === totalKey && new RegExp(`(?<![\\w$.])${rows}(?![\\w$])`).test(value)) return `\`${total}\` is counted from the page's rows: with a cursor it would count one page, rewrite it by hand`;
  }
  const early: TSESTree.ObjectExpression[] = [];
  let reason: string | null = null;
  walk(body, (node) => {
    if (node.type === T.ReturnStatement && node !== final) {
      if (node.range[0] > binding.declaration.range[0]) reason = `the function returns at line ${node.loc.start.line}, after reading the rows: rewrite it by hand`;
      else if (node.argument?.type !== T.ObjectExpression) reason = `the function returns at line ${node.loc.start.line} something other than \`{ …, ${total} }\`: rewrite it by hand`;
      else early.push(node.argument);
    }
    // A nested function's returns are its own.
    return node === body || !ASTUtils.isFunction(node);
  });
  if (reason) return reason;
  const fetched = `${rows}WithNext`;
  const addField = (object: TSESTree.ObjectExpression, field: string): Edit => {
    const last = object.properties.at(-1)!;
    return { start: last.range[1], end: last.range[1], text: `,${lineBreakOrSpace(source, last)}${field}` };
  };
  return {
    rewrite: (src, limit, nextCursor) => [
      replaceNode(binding.id, fetched),
      // After the declaration's line, so that a comment at its end stays with it.
      { start: lineEnd(src, binding.declaration.range[1]), end: lineEnd(src, binding.declaration.range[1]), text: `\n${indentBefore(src, binding.declaration)}const ${rows} = ${fetched}.slice(0, ${limit});` },
      addField(returned, `nextCursor: ${fetched}.length > ${limit} ? ${nextCursor(`${rows}[${rows}.length - 1]!`)} : null`),
      ...early.filter((o) => o.properties.length > 0).map((o) => addField(o, 'nextCursor: null')),
      ...early.filter((o) => o.properties.length === 0).map((o) => ({ start: o.range[0] + 1, end: o.range[0] + 1, text: ' nextCursor: null ' })),
    ],
  };
}
