import { analyze } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES as T, parse, type TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * The imports a rewrite made dead, removed: a binding used in `before` (in a value or only in a type) and used
 * nowhere in `after` goes; one that was unused already stays, as does every import the rewrite did not touch.
 * A declaration left with no binding goes whole, with its line; a side-effect import (`import "x"`) has none to
 * lose and stays. Works on text, so that codemods editing by ranges and ts-morph codemods share it. A text that
 * does not parse is returned as it is: the runner reports it.
 */
export function removeDeadImports(before: string, after: string, filePath: string): string {
  if (before === after) return after;
  const old = readImports(before, filePath);
  const now = readImports(after, filePath);
  if (!old || !now) return after;
  const usedBefore = new Set(old.bindings.filter((b) => b.used).map((b) => b.key));
  const dead = new Set(now.bindings.filter((b) => !b.used && usedBefore.has(b.key)).map((b) => b.specifier));
  if (dead.size === 0) return after;
  const edits: Array<[number, number]> = [];
  const lines: Array<[number, number]> = [];
  for (const declaration of now.declarations) {
    const specifiers = declaration.specifiers;
    if (!specifiers.some((s) => dead.has(s))) continue;
    if (specifiers.every((s) => dead.has(s))) {
      const range = wholeLine(after, declaration);
      (range.line ? lines : edits).push(range.range);
    } else edits.push(...partial(declaration, dead, now.tokens));
  }
  edits.push(...withoutDoubleBlank(after, lines));
  let output = after;
  for (const [start, end] of edits.sort((a, b) => b[0] - a[0])) output = output.slice(0, start) + output.slice(end);
  return output;
}

interface Binding {
  /** The module, the imported name and the local name: the same import in both texts. */
  key: string;
  specifier: TSESTree.ImportClause;
  used: boolean;
}

interface Imports {
  declarations: TSESTree.ImportDeclaration[];
  bindings: Binding[];
  tokens: TSESTree.Token[];
}

function readImports(code: string, filePath: string): Imports | null {
  let program: TSESTree.Program;
  try {
    program = parse(code, { jsx: /\.[jt]sx$/.test(filePath), range: true, tokens: true, comment: false });
  } catch {
    return null;
  }
  // References count type positions too (`typeof users.$inferSelect`, `: User`): a type-only use is a use.
  const scopes = analyze(program, { sourceType: 'module' });
  const declarations = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
  const bindings = declarations.flatMap((declaration) =>
    declaration.specifiers.map((specifier) => ({
      key: `${declaration.source.value}\0${importedName(specifier)}\0${specifier.local.name}`,
      specifier,
      used: scopes.getDeclaredVariables(specifier).some((v) => v.references.length > 0),
    })),
  );
  return { declarations, bindings, tokens: program.tokens ?? [] };
}

function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === T.ImportDefaultSpecifier) return 'default';
  if (specifier.type === T.ImportNamespaceSpecifier) return '*';
  return specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
}

/** The declaration with its line (the indentation, and after it the spaces, a comment and the line break). */
function wholeLine(code: string, declaration: TSESTree.ImportDeclaration): { range: [number, number]; line: boolean } {
  const [start, end] = declaration.range;
  const lineStart = code.lastIndexOf('\n', start - 1) + 1;
  const rest = /^[^\S\n]*(?:\/\/[^\n]*)?(?:\n|$)/.exec(code.slice(end));
  if (!/^[^\S\n]*$/.test(code.slice(lineStart, start)) || !rest) {
    // Not alone on its line: the statement and the spaces after it.
    return { range: [start, end + /^[^\S\n]*/.exec(code.slice(end))![0].length], line: false };
  }
  return { range: [lineStart, end + rest[0].length], line: true };
}

/**
 * Removed lines, those next to each other as one: where one leaves a blank line just below a blank line (or at
 * the top of the file), that blank line goes too.
 */
function withoutDoubleBlank(code: string, lines: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of lines.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && last[1] === start) last[1] = end;
    else merged.push([start, end]);
  }
  for (const range of merged) {
    const blankAbove = range[0] === 0 || code.slice(0, range[0]).endsWith('\n\n');
    if (blankAbove && code[range[1]] === '\n') range[1] += 1;
  }
  return merged;
}

/** The dead bindings of a declaration that keeps others, each with its comma. */
function partial(declaration: TSESTree.ImportDeclaration, dead: Set<TSESTree.ImportClause>, tokens: TSESTree.Token[]): Array<[number, number]> {
  const edits: Array<[number, number]> = [];
  const first = declaration.specifiers[0]!;
  const leading = first.type === T.ImportSpecifier ? null : first;
  const named = declaration.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === T.ImportSpecifier);
  const namespace = declaration.specifiers.find((s) => s.type === T.ImportNamespaceSpecifier && s !== leading) ?? null;
  const inDeclaration = tokens.filter((t) => t.range[0] >= declaration.range[0] && t.range[1] <= declaration.source.range[0]);
  const open = named.length ? inDeclaration.findLast((t) => t.value === '{' && t.range[1] <= named[0]!.range[0]) : undefined;
  const close = named.length ? inDeclaration.find((t) => t.value === '}' && t.range[0] >= named.at(-1)!.range[1]) : undefined;
  // `a, ` before `{ b }` or `* as ns`.
  const next = namespace?.range[0] ?? open?.range[0];
  if (leading && dead.has(leading) && next !== undefined) edits.push([leading.range[0], next]);
  if (leading && namespace && dead.has(namespace)) edits.push([leading.range[1], namespace.range[1]]);
  if (named.length === 0) return edits;
  if (named.every((s) => dead.has(s))) {
    // `import a, { b } from` → `import a from`.
    if (leading && close) edits.push([leading.range[1], close.range[1]]);
    return edits;
  }
  for (let i = 0; i < named.length; i++) {
    if (!dead.has(named[i]!)) continue;
    let j = i;
    while (j + 1 < named.length && dead.has(named[j + 1]!)) j++;
    // A run of dead names: up to the next name kept, or from the end of the name kept before it.
    if (j + 1 < named.length) edits.push([named[i]!.range[0], named[j + 1]!.range[0]]);
    else edits.push([named[i - 1]!.range[1], named[j]!.range[1]]);
    i = j;
  }
  return edits;
}
