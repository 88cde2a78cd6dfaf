import { Node, ts, type Project, type SourceFile } from 'ts-morph';
import { removeDeadImports } from '../../src/codemods/dead-imports.js';
import type { BatchPoint, LookupSite } from './lookups.js';
import { addNamedImport } from './trpc-context.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * What a run changes in one file, collected first and applied once, so that both strategies can edit the
 * same file by ranges of its original text: edits, then imports, then functions added at its end.
 */
export class FileChanges {
  readonly edits: Edit[] = [];
  readonly imports: Array<{ specifier: string; name: string; alias?: string }> = [];
  /** Local helpers whose calls were rewritten: removed when nothing else uses them. */
  readonly helpers = new Set<string>();
  /** Functions to add at the end of the file, by name. */
  readonly functions = new Map<string, string>();

  import(specifier: string, name: string, alias?: string): void {
    if (!this.imports.some((i) => i.specifier === specifier && i.name === name && i.alias === alias)) this.imports.push({ specifier, name, alias });
  }
}

export function changesOf(all: Map<string, FileChanges>, file: string): FileChanges {
  let changes = all.get(file);
  if (!changes) all.set(file, (changes = new FileChanges()));
  return changes;
}

export function applyChanges(project: Project, all: Map<string, FileChanges>): void {
  for (const [file, changes] of all) {
    if (changes.edits.length === 0) continue;
    const source = project.getSourceFileOrThrow(file);
    const before = source.getFullText();
    applyEdits(source, changes.edits);
    for (const { specifier, name, alias } of changes.imports) addNamedImport(source, specifier, name, alias);
    for (const [name, code] of changes.functions) if (!source.getFunction(name)) source.addStatements(`\n${code}`);
    removeHelpersMadeDead(source, changes.helpers);
    const after = source.getFullText();
    const pruned = removeDeadImports(before, after, source.getFilePath());
    if (pruned !== after) source.replaceWithText(pruned);
  }
}

/** Applies edits given as ranges of the file's current text, from the last to the first. */
function applyEdits(source: SourceFile, edits: Edit[]): void {
  let text = source.getFullText();
  // Last first, so earlier offsets stay valid; insertions at one offset keep the order they were made in.
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  for (const { edit } of order) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  source.replaceWithText(text);
}

/**
 *   async function findAuthor(id: number) { return db.query.users.findFirst(…); }  // its calls were its only uses
 *   → (removed: each call is a lookup now)
 * Only a helper of this file whose calls were rewritten, that is not exported and that nothing else names.
 */
function removeHelpersMadeDead(source: SourceFile, helpers: Set<string>): void {
  for (const name of helpers) {
    const fn = source.getFunction(name);
    if (!fn || fn.isExported() || fn.isDefaultExport()) continue;
    const named = source.getDescendantsOfKind(ts.SyntaxKind.Identifier).filter((id) => id.getText() === name);
    if (named.length === 1 && named[0] === fn.getNameNode()) fn.remove();
  }
}

/** The key of every item: `rows.map((post) => post.authorId)`; `flatMap(… ?? [])` drops missing keys. */
export function keysOf(batch: BatchPoint, dropNull: boolean): string {
  const item = batch.item.startsWith('(') ? batch.item : `(${batch.item})`;
  if (dropNull || batch.optional) return `${batch.collection}.flatMap(${item} => ${batch.key} ?? [])`;
  return batch.key === batch.item ? batch.collection : `${batch.collection}.map(${item} => ${batch.key})`;
}

function nodeAt(source: SourceFile, [start, end]: [number, number]): Node | undefined {
  return source.getDescendantAtStartWithWidth(start, end - start);
}

/** Whether the key can be null or undefined for some items (its declared type, not the narrowed one). */
export function mayBeNull(source: SourceFile, range: [number, number]): boolean {
  const node = nodeAt(source, range);
  if (!node) return false;
  const checker = source.getProject().getTypeChecker().compilerObject;
  const target = Node.isPropertyAccessExpression(node) ? node.getNameNode() : node;
  const symbol = checker.getSymbolAtLocation(target.compilerNode);
  const type = symbol ? checker.getTypeOfSymbol(symbol) : checker.getTypeAtLocation(node.compilerNode);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0);
}

const KEY_FLAGS: Record<LookupSite['lookup']['keyType'], number> = {
  number: ts.TypeFlags.NumberLike,
  string: ts.TypeFlags.StringLike,
  boolean: ts.TypeFlags.BooleanLike,
  date: 0,
};

/**
 * Why the key's type does not let a batch match rows to it, or `null`: a `Map` (and a DataLoader) matches by
 * identity, so `"3"` finds no row whose id is `3`, where the database compared them after a cast. The key
 * must be known to hold what the column holds (besides `null`); `any` says nothing.
 */
export function keyTypeMismatch(source: SourceFile, site: LookupSite): string | null {
  const node = nodeAt(source, site.keyRange);
  if (!node) return 'cannot find the key in the file';
  const type = node.getType().compilerType;
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) === 0);
  const want = KEY_FLAGS[site.lookup.keyType];
  if (parts.length > 0 && parts.every((t) => (t.flags & want) !== 0)) return null;
  const shown = node.getType().getText(node, ts.TypeFormatFlags.NoTruncation);
  return `the key \`${site.key}\` is of type \`${shown}\`, not the ${site.lookup.keyType} that \`${site.lookup.table.local}.${site.lookup.column}\` holds: rows could not be matched to keys by value`;
}

/**
 * Why the batch cannot read the collection's keys with `.map()`, or `null`: it must be known to be an array
 * (a `Set`, an iterator or `any` might not have `.map`, or give `inArray` what it cannot bind).
 */
export function notAnArray(source: SourceFile, batch: BatchPoint): string | null {
  const node = nodeAt(source, batch.collectionRange);
  if (!node) return 'cannot find the collection in the file';
  const type = node.getType();
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  if (parts.length > 0 && parts.every((t) => t.isArray() || t.isTuple() || t.isReadonlyArray())) return null;
  return `the collection \`${batch.collection}\` is of type \`${type.getText(node, ts.TypeFormatFlags.NoTruncation)}\`, not an array, so its keys cannot be read with \`.map()\``;
}

