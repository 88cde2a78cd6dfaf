import path from 'node:path';
import { Node, QuoteKind, SyntaxKind, type ObjectLiteralExpression, type Project, type SourceFile } from 'ts-morph';
import { glob } from 'tinyglobby';
import { ALWAYS_IGNORED } from '../../src/knowledge/ignored-paths.js';
import type { ImportNeed } from './lookups.js';
import { readText } from '../../src/recognizers/disk.js';

/** The tRPC context factory: where per-request loaders are made. */
export interface TrpcContext {
  file: SourceFile;
  /** The object `createContext` returns. */
  object: ObjectLiteralExpression;
  /** The context's database as the object spells it (`db`), and the import it comes from. */
  db: string;
  dbImport: ImportNeed;
  /** It already has a `loaders` property. */
  wired: boolean;
}

const FACTORY = /^create\w*Context$/;

/**
 * The `createContext` (or `createTRPCContext`, t3's name) of the project: an exported function whose
 * returned object holds the database under one of `keys`. Searched in the given files first, then in the
 * project's other sources. A string says why none can be used.
 */
export async function findTrpcContext(project: Project, cwd: string, files: string[], keys: readonly string[]): Promise<TrpcContext | string> {
  const others = await glob(['**/*.{ts,mts,cts}'], { cwd, absolute: true, ignore: ALWAYS_IGNORED });
  for (const file of [...files, ...others.filter((f) => !files.includes(f))]) {
    if (!/\.[cm]?tsx?$/.test(file)) continue;
    const text = project.getSourceFile(file)?.getFullText() ?? readText(file);
    if (text === null || !/create\w*Context/.test(text) || !/\breturn\b|=>/.test(text)) continue;
    const found = contextIn(project.getSourceFile(file) ?? project.addSourceFileAtPath(file), keys);
    if (found) return found;
  }
  return `no exported \`createContext\` that returns \`{ ${keys[0]} }\` was found under ${path.basename(cwd)}/: create the loaders by hand`;
}

function contextIn(file: SourceFile, keys: readonly string[]): TrpcContext | string | null {
  for (const fn of factories(file)) {
    for (const object of returnedObjects(fn)) {
      const property = object
        .getProperties()
        .find((p) => (Node.isShorthandPropertyAssignment(p) || Node.isPropertyAssignment(p)) && keys.includes(p.getName()));
      if (!property) continue;
      const value = Node.isShorthandPropertyAssignment(property)
        ? property.getNameNode()
        : Node.isPropertyAssignment(property)
          ? property.getInitializer()
          : undefined;
      const dbImport = value && Node.isIdentifier(value) ? importOf(file, value.getText()) : null;
      if (!value || !dbImport) {
        return `the context's \`${value?.getText() ?? 'database'}\` is not a value imported from a module (in ${file.getBaseName()}): create the loaders by hand`;
      }
      return { file, object, db: value.getText(), dbImport, wired: object.getProperty('loaders') !== undefined };
    }
  }
  return null;
}

function factories(file: SourceFile): Node[] {
  const found: Node[] = file.getFunctions().filter((f) => f.isExported() && FACTORY.test(f.getName() ?? ''));
  for (const statement of file.getVariableStatements()) {
    if (!statement.isExported()) continue;
    for (const declaration of statement.getDeclarations()) {
      const init = declaration.getInitializer();
      if (FACTORY.test(declaration.getName()) && init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) found.push(init);
    }
  }
  return found;
}

/** `return { … }` of the function itself (not of functions inside it), or an arrow's `({ … })` body. */
function returnedObjects(fn: Node): ObjectLiteralExpression[] {
  if (Node.isArrowFunction(fn)) {
    const body = fn.getBody();
    const inner = Node.isParenthesizedExpression(body) ? body.getExpression() : body;
    if (Node.isObjectLiteralExpression(inner)) return [inner];
  }
  return fn
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((r) => r.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a)) === fn)
    .map((r) => r.getExpression())
    .filter((e): e is ObjectLiteralExpression => e !== undefined && Node.isObjectLiteralExpression(e));
}

function importOf(file: SourceFile, local: string): ImportNeed | null {
  for (const declaration of file.getImportDeclarations()) {
    if (declaration.isTypeOnly()) continue;
    const source = declaration.getModuleSpecifierValue();
    const named = declaration.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === local);
    if (named && !named.isTypeOnly()) return { local, imported: named.getName(), source, file: file.getFilePath() };
    if (declaration.getDefaultImport()?.getText() === local) return { local, imported: 'default', source, file: file.getFilePath() };
  }
  return null;
}

/** `loaders: createLoaders(db)` in the returned object, and the import of `createLoaders`. */
export function wireLoaders(context: TrpcContext, specifier: string): void {
  const { object } = context;
  const properties = object.getProperties();
  const last = properties.at(-1)!;
  const multiline = object.getText().includes('\n');
  const indent = multiline ? /[^\S\n]*$/.exec(object.getSourceFile().getFullText().slice(0, last.getStart()))![0] : '';
  const comma = object.getText().slice(last.getEnd() - object.getStart()).trimStart().startsWith(',');
  const addition = multiline ? `${comma ? '' : ','}\n${indent}loaders: createLoaders(${context.db})${comma ? ',' : ''}` : `, loaders: createLoaders(${context.db})`;
  const at = comma ? object.getSourceFile().getFullText().indexOf(',', last.getEnd()) + 1 : last.getEnd();
  object.getSourceFile().insertText(at, addition);
  addNamedImport(context.file, specifier, 'createLoaders');
}

/** Adds `name` to the file's import of `specifier` (or a new import declaration after the others). */
export function addNamedImport(file: SourceFile, specifier: string, name: string, alias?: string): void {
  const local = alias ?? name;
  const existing = file.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === specifier && !d.isTypeOnly() && !d.getNamespaceImport());
  if (existing?.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === local)) return;
  file.getProject().manipulationSettings.set({ quoteKind: quoteOf(file) });
  const spec = alias && alias !== name ? { name, alias } : name;
  if (existing) existing.addNamedImport(spec);
  else file.insertImportDeclaration(file.getImportDeclarations().length, { moduleSpecifier: specifier, namedImports: [spec] });
}

function quoteOf(file: SourceFile): QuoteKind {
  const first = file.getImportDeclarations()[0]?.getModuleSpecifier().getText();
  return first?.startsWith("'") ? QuoteKind.Single : QuoteKind.Double;
}
