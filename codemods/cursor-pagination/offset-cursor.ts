import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { ColumnInfo } from '../../src/recognizers/drizzle-schema.js';
import { indentBefore, text } from '../../src/codemods/source-text.js';
import { memberName } from '../../src/recognizers/chain.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { replaceNode, type Edit } from './edits.js';
import { keysetCondition, orderText, readKey, type OrderTerm } from './keyset.js';
import type { QueryForm } from './query-form.js';

/** How each type travels in the JSON of the cursor, and how it is read back. */
const TUPLE: Record<ColumnInfo['type'], string> = { number: 'number', string: 'string', date: 'string', boolean: 'boolean' };

/** `const offset = cursor ? Number.parseInt(cursor, 10) : 0`: an opaque string cursor that holds an offset. */
export interface OffsetCursor {
  offset: TSESTree.Identifier;
  declaration: TSESTree.VariableDeclaration;
  cursor: string;
  /** Where the cursor's name is declared: the rewrite may read it earlier than the offset did. */
  cursorDeclared: number;
}

/**
 * The offset of the query, when it is read from an opaque cursor string (`cursor ? Number.parseInt(cursor,
 * 10) : 0`, also `parseInt(cursor)` and `Number(cursor)`). Callers hold that string without reading it, so
 * it can carry the last row's order values instead, with the function's signature and result unchanged.
 */
export function findOffsetCursor(offset: TSESTree.Node, file: FileContext): OffsetCursor | null {
  if (offset.type !== T.Identifier) return null;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(offset), offset);
  const def = variable?.defs[0];
  const declarator = def?.node.type === T.VariableDeclarator && def.node.id === def.name ? def.node : null;
  const init = declarator?.init;
  if (!declarator || declarator.parent.kind !== 'const' || declarator.parent.declarations.length !== 1) return null;
  const base = init?.type === T.ConditionalExpression ? nameBase(init.test) : null;
  if (init?.type !== T.ConditionalExpression || !base) return null;
  const source = file.context.sourceCode;
  const zero = init.alternate.type === T.Literal && init.alternate.value === 0;
  const parse = init.consequent.type === T.CallExpression ? init.consequent : null;
  const reads = parse?.arguments[0] !== undefined && source.getText(parse.arguments[0]) === source.getText(init.test);
  if (!zero || !parse || !reads || !isNumberParse(parse)) return null;
  const cursor = ASTUtils.findVariable(source.getScope(base), base)?.defs[0]?.name;
  return { offset: declarator.id as TSESTree.Identifier, declaration: declarator.parent, cursor: source.getText(init.test), cursorDeclared: cursor?.range[0] ?? 0 };
}

/** `cursor`, `params.cursor`, `input.page.cursor`: a name, or properties of one; its base name. */
function nameBase(node: TSESTree.Node): TSESTree.Identifier | null {
  if (node.type === T.Identifier) return node;
  return node.type === T.MemberExpression && !node.computed && !node.optional ? nameBase(node.object) : null;
}

function isNumberParse(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === T.Identifier) return callee.name === 'parseInt' || callee.name === 'Number';
  return callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Number' && memberName(callee) === 'parseInt';
}

/**
 * Rewrites the function around an offset cursor: the cursor string becomes the JSON of the last row's
 * order values (`["2026-01-01 10:00:00.123456+00","f3…"]`), the query continues after them, and every other
 * use of the offset is one it knows: `offset > 0` (a previous page exists) becomes `after !== null`, and
 * `(offset + limit).toString()` (the next cursor) the last row's values. The page size and the test for a
 * next page stay as they were. Any other use of the offset is a reason.
 */
export function rewriteOffsetCursor(found: OffsetCursor, form: QueryForm, terms: OrderTerm[], file: FileContext, source: string): Edit[] | string {
  const rows = rowsName(form.awaited);
  if (!rows) return 'the rows are not read as `const rows = await query`: the next cursor has no last row to come from';
  if (!form.limit || !isPure(form.limit)) return 'the limit is not a name or a literal: the next cursor compares the page with it';
  const limit = text(source, form.limit);
  const name = freeName(found.declaration, file);
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(found.offset), found.offset)!;
  const edits: Edit[] = [];
  for (const ref of variable.references) {
    if (ref.identifier === found.offset || ref.identifier === form.offset) continue;
    const use = ref.identifier.type === T.Identifier ? offsetUse(ref.identifier, rows, limit, source) : null;
    if (!use) return `the offset \`${found.offset.name}\` is used at line ${ref.identifier.loc.start.line} for more than paging: rewrite it by hand`;
    const last = `${rows}[${rows}.length - 1]!`;
    edits.push(replaceNode(use.node, use.kind === 'previous' ? `${name} !== null` : `JSON.stringify([${terms.map((t) => readKey(last, t.key)).join(', ')}])`));
  }
  const tuple = `[${terms.map((t) => `${TUPLE[t.info.type]}${t.nullable ? ' | null' : ''}`).join(', ')}]`;
  const raw = (_: OrderTerm, i: number) => `${name}[${i}]`;
  const value = (t: OrderTerm, i: number) => (t.info.type === 'date' ? `new Date(${name}[${i}])` : `${name}[${i}]`);
  const query = form.rewrite(source, { condition: `${name} ? ${keysetCondition(form.table, terms, value, raw)} : undefined`, orderText: orderText(form.table, terms), limit: null });
  // An offset cursor from before the rewrite (`"40"`) is not a JSON array: such a client starts over.
  const declaration = `const ${name}: ${tuple} | null = ${found.cursor}?.startsWith("[") ? JSON.parse(${found.cursor}) : null;`;
  const first = Math.min(...query.map((e) => e.start));
  if (found.declaration.range[0] < first) edits.push(replaceNode(found.declaration, declaration));
  else {
    // The condition now reads the cursor where the builder is made, above the offset: the cursor moves up.
    const statement = statementAt(found.declaration.parent!, first);
    if (!statement || found.cursorDeclared > statement.range[0]) return 'the query is built before its cursor is read: move the cursor up by hand';
    edits.push(removeLine(source, found.declaration));
    edits.push({ start: statement.range[0], end: statement.range[0], text: `${declaration}\n${indentBefore(source, statement)}` });
  }
  return [...edits, ...query];
}

/** The statement of `block` that holds the offset `index`. */
function statementAt(block: TSESTree.Node, index: number): TSESTree.Statement | null {
  const body = 'body' in block && Array.isArray(block.body) ? (block.body as TSESTree.Statement[]) : [];
  return body.find((s) => s.range[0] <= index && index < s.range[1]) ?? null;
}

/** A statement with its line, when it is alone on it. */
function removeLine(source: string, node: TSESTree.Node): Edit {
  const start = source.lastIndexOf('\n', node.range[0] - 1) + 1;
  const end = source.indexOf('\n', node.range[1]);
  const alone = /^\s*$/.test(source.slice(start, node.range[0])) && end !== -1 && /^\s*$/.test(source.slice(node.range[1], end));
  return alone ? { start, end: end + 1, text: '' } : { start: node.range[0], end: node.range[1], text: '' };
}

/** `rows` in `const rows = await query`. */
function rowsName(awaited: TSESTree.Node): string | null {
  const declarator = awaited.parent?.type === T.AwaitExpression ? awaited.parent.parent : null;
  return declarator?.type === T.VariableDeclarator && declarator.id.type === T.Identifier ? declarator.id.name : null;
}

/**
 * A use of the offset it can carry over: `offset > 0`, or `(offset + limit).toString()` / `String(offset +
 * limit)` on the branch of a test that the page is full (`rows.length === limit`), where a last row exists.
 */
function offsetUse(id: TSESTree.Identifier, rows: string, limit: string, source: string): { kind: 'previous' | 'next'; node: TSESTree.Node } | null {
  const parent = id.parent;
  if (parent?.type === T.BinaryExpression && parent.left === id && parent.operator === '>' && parent.right.type === T.Literal && parent.right.value === 0) {
    return { kind: 'previous', node: parent };
  }
  if (parent?.type !== T.BinaryExpression || parent.operator !== '+' || parent.left !== id || text(source, parent.right) !== limit) return null;
  const holder = parent.parent;
  const next =
    holder?.type === T.MemberExpression && memberName(holder) === 'toString' && holder.parent?.type === T.CallExpression
      ? holder.parent
      : holder?.type === T.CallExpression && holder.callee.type === T.Identifier && holder.callee.name === 'String'
        ? holder
        : null;
  if (!next || !underFullPage(next, rows, limit, source)) return null;
  return { kind: 'next', node: next };
}

function underFullPage(node: TSESTree.Node, rows: string, limit: string, source: string): boolean {
  const full = new RegExp(`\\b${rows}\\.length\\s*===?\\s*${limit.replace(/[.$]/g, '\\$&')}(?![\\w$])`);
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === T.ConditionalExpression && parent.consequent === child && full.test(text(source, parent.test))) return true;
    if (parent.type === T.BlockStatement || parent.type === T.Program) return false;
  }
  return false;
}

// The limit is compared with the page's length: only names, members and literals are read the same twice.
export function isPure(node: TSESTree.Node): boolean {
  if (node.type === T.Identifier || node.type === T.Literal) return true;
  if (node.type === T.MemberExpression) return !node.computed && isPure(node.object);
  return false;
}

/** `after`, or a variant no scope around the declaration uses. */
function freeName(declaration: TSESTree.VariableDeclaration, file: FileContext): string {
  const scope = file.context.sourceCode.getScope(declaration);
  const taken = (name: string) => {
    for (let s: typeof scope | null = scope; s; s = s.upper) if (s.set.has(name)) return true;
    return scope.through.some((r) => r.identifier.name === name) || scope.childScopes.some((c) => c.set.has(name));
  };
  return ['after', 'afterRow', 'afterCursor'].find((n) => !taken(n)) ?? 'afterKeyset';
}
