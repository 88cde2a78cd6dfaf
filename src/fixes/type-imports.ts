import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FixStyle = 'inline-type-imports' | 'separate-type-imports';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The edits that mark `typeSpecifiers` of a value import declaration as type-only, keeping every comment:
 * - all specifiers are types: one `import type` declaration (merged into an existing `import type { … }`
 *   from the same module, so no duplicate declaration appears); never `import { type A }`, which under
 *   `verbatimModuleSyntax` leaves `import {} from "mod"` (a side-effect import) behind;
 * - some are values: `type` inline before each named type (inline style), or the types moved to an
 *   `import type` declaration (separate style). A type-only default or namespace import always gets a
 *   declaration of its own, since TypeScript allows no other form.
 */
export function fixTypeImports(
  fixer: Fixer,
  sourceCode: SourceCode,
  declaration: TSESTree.ImportDeclaration,
  typeSpecifiers: ReadonlySet<TSESTree.ImportClause>,
  style: FixStyle,
): Fix[] {
  const source = sourceCode.getText(declaration.source);
  const named = declaration.specifiers.filter((s) => s.type === T.ImportSpecifier);
  const isType = (s: TSESTree.ImportClause) =>
    typeSpecifiers.has(s) || (s.type === T.ImportSpecifier && s.importKind === 'type');
  const target = mergeTarget(sourceCode, declaration);
  const allTypes = declaration.specifiers.every(isType);

  if (allTypes && named.length === declaration.specifiers.length) {
    if (target) return [appendSpecifiers(fixer, sourceCode, target, named), removeKeepingComments(fixer, sourceCode, declaration)];
    return [insertTypeKeyword(fixer, sourceCode, declaration), ...named.flatMap((s) => dropInlineType(fixer, sourceCode, s))];
  }

  const fixes: Fix[] = [];
  // Default and namespace type imports get a declaration each; with every binding a type, the first stays.
  const ownDeclarations = declaration.specifiers.filter(
    (s) => s.type !== T.ImportSpecifier && isType(s) && !(allTypes && s === declaration.specifiers[0]),
  );
  const before = ownDeclarations.map((s) => `import type ${sourceCode.getText(s)} from ${source};`);
  const movedNamed = named.filter((s) => isType(s) && (allTypes || style === 'separate-type-imports'));
  if (allTypes) {
    // `import A, { B } from` / `import A, * as ns from`: the first binding stays, in `import type A`.
    fixes.push(insertTypeKeyword(fixer, sourceCode, declaration));
  } else if (style === 'inline-type-imports') {
    for (const s of named) if (typeSpecifiers.has(s)) fixes.push(fixer.insertTextBefore(s, 'type '));
  }
  if (movedNamed.length > 0) {
    if (target) fixes.push(appendSpecifiers(fixer, sourceCode, target, movedNamed));
    else before.push(`import type { ${movedNamed.map((s) => specifierText(sourceCode, s)).join(', ')} } from ${source};`);
  }
  const removed = new Set<TSESTree.ImportClause>([...movedNamed, ...ownDeclarations]);
  fixes.push(...removeSpecifiers(fixer, sourceCode, declaration.specifiers, removed));
  if (before.length > 0) fixes.push(fixer.insertTextBefore(declaration, `${before.join('\n')}\n`));
  return fixes;
}

/**
 * The edits that make `typeSpecifiers` of `export { … }` type-only: `export type { … }` when all are types,
 * else `type` inline or a separate `export type { … }` after it, as `style` says.
 */
export function fixTypeExports(
  fixer: Fixer,
  sourceCode: SourceCode,
  declaration: TSESTree.ExportNamedDeclaration,
  typeSpecifiers: ReadonlySet<TSESTree.ExportSpecifier>,
  style: FixStyle,
): Fix[] {
  const all = declaration.specifiers;
  if (all.every((s) => typeSpecifiers.has(s) || hasInlineType(s))) {
    return [insertTypeKeyword(fixer, sourceCode, declaration), ...all.flatMap((s) => dropInlineType(fixer, sourceCode, s))];
  }
  const moved = all.filter((s) => typeSpecifiers.has(s));
  if (style === 'inline-type-imports') return moved.map((s) => fixer.insertTextBefore(s, 'type '));
  const from = declaration.source ? ` from ${sourceCode.getText(declaration.source)}` : '';
  const text = moved.map((s) => specifierText(sourceCode, s)).join(', ');
  return [
    ...removeSpecifiers(fixer, sourceCode, all, new Set(moved)),
    fixer.insertTextAfter(declaration, `\nexport type { ${text} }${from};`),
  ];
}

/** An `import type { … } from` the same module, with named specifiers only, that types can join. */
function mergeTarget(sourceCode: SourceCode, declaration: TSESTree.ImportDeclaration): TSESTree.ImportDeclaration | undefined {
  return sourceCode.ast.body.find(
    (s): s is TSESTree.ImportDeclaration =>
      s !== declaration &&
      s.type === T.ImportDeclaration &&
      s.importKind === 'type' &&
      s.source.value === declaration.source.value &&
      s.attributes.length === 0 &&
      s.specifiers.length > 0 &&
      s.specifiers.every((x) => x.type === T.ImportSpecifier),
  );
}

type Specifier = TSESTree.ImportClause | TSESTree.ExportSpecifier;
type NamedSpecifier = TSESTree.ImportSpecifier | TSESTree.ExportSpecifier;

const isNamed = (s: Specifier): s is NamedSpecifier => s.type === T.ImportSpecifier || s.type === T.ExportSpecifier;
const hasInlineType = (s: NamedSpecifier) => (s.type === T.ImportSpecifier ? s.importKind : s.exportKind) === 'type';

/** `A`, `A as B`: a specifier's text without its inline `type` modifier. */
function specifierText(sourceCode: SourceCode, s: NamedSpecifier): string {
  const text = sourceCode.getText(s);
  return hasInlineType(s) ? text.replace(/^type\s+/, '') : text;
}

function appendSpecifiers(
  fixer: Fixer,
  sourceCode: SourceCode,
  target: TSESTree.ImportDeclaration,
  specifiers: TSESTree.ImportSpecifier[],
): Fix {
  const last = target.specifiers[target.specifiers.length - 1]!;
  const text = specifiers.map((s) => specifierText(sourceCode, s)).join(', ');
  return fixer.insertTextAfter(last, `, ${text}`);
}

function insertTypeKeyword(
  fixer: Fixer,
  sourceCode: SourceCode,
  declaration: TSESTree.ImportDeclaration | TSESTree.ExportNamedDeclaration,
): Fix {
  return fixer.insertTextAfter(sourceCode.getFirstToken(declaration)!, ' type');
}

function dropInlineType(fixer: Fixer, sourceCode: SourceCode, s: NamedSpecifier): Fix[] {
  if (!hasInlineType(s)) return [];
  const keyword = sourceCode.getFirstToken(s)!;
  const next = sourceCode.getTokenAfter(keyword, { includeComments: true })!;
  return [fixer.removeRange([keyword.range[0], next.range[0]])];
}

/**
 * Removes specifiers with their commas; the braces go too when no named specifier is left. Comments in the
 * removed text are put back in its place.
 */
function removeSpecifiers(
  fixer: Fixer,
  sourceCode: SourceCode,
  all: readonly Specifier[],
  removed: ReadonlySet<Specifier>,
): Fix[] {
  if (removed.size === 0) return [];
  const named = all.filter(isNamed);
  const keptNamed = named.filter((s) => !removed.has(s));
  const ranges: Array<[number, number]> = [];
  if (named.length > 0 && keptNamed.length === 0) {
    // `import a, { B } from`: drop `, { B }` (or `{ B }, ` never occurs: a default always comes first).
    const open = sourceCode.getTokenBefore(named[0]!, (t) => t.value === '{')!;
    const close = sourceCode.getTokenAfter(named[named.length - 1]!, (t) => t.value === '}')!;
    const comma = sourceCode.getTokenBefore(open)!;
    ranges.push([comma.value === ',' ? comma.range[0] : open.range[0], close.range[1]]);
  }
  // Runs of consecutive removed specifiers, each cut up to the next kept one (or from the previous kept one).
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    if (!removed.has(s) || (isNamed(s) && keptNamed.length === 0)) continue;
    if (s.type === T.ImportDefaultSpecifier) {
      // `import A, { b }` → `import { b }`: the default goes with its comma.
      const comma = sourceCode.getTokenAfter(s)!;
      ranges.push([s.range[0], sourceCode.getTokenAfter(comma, { includeComments: true })!.range[0]]);
      continue;
    }
    let j = i;
    while (j + 1 < all.length && removed.has(all[j + 1]!) && all[j + 1]!.type === s.type) j++;
    const next = all[j + 1];
    if (next) ranges.push([s.range[0], next.range[0]]);
    else ranges.push([all[i - 1]!.range[1], all[j]!.range[1]]);
    i = j;
  }
  return ranges.map((range) => removeRangeKeepingComments(fixer, sourceCode, range));
}

function removeRangeKeepingComments(fixer: Fixer, sourceCode: SourceCode, range: [number, number]): Fix {
  const comments = commentsIn(sourceCode, range);
  return fixer.replaceTextRange(range, comments ? `${comments} ` : '');
}

/** Removes a whole declaration (merged elsewhere), leaving its comments where it was. */
export function removeKeepingComments(fixer: Fixer, sourceCode: SourceCode, node: TSESTree.Node): Fix {
  const comments = commentsIn(sourceCode, node.range);
  if (comments) return fixer.replaceText(node, comments);
  // Take the line break too, so no blank line is left.
  const end = sourceCode.text[node.range[1]] === '\n' ? node.range[1] + 1 : node.range[1];
  return fixer.removeRange([node.range[0], end]);
}

function commentsIn(sourceCode: SourceCode, range: readonly [number, number]): string {
  return sourceCode
    .getAllComments()
    .filter((c) => c.range[0] >= range[0] && c.range[1] <= range[1])
    .map((c) => sourceCode.text.slice(...c.range))
    .join(' ');
}
