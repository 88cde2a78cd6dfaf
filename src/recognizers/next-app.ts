import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { readDirectory, readJsonObject, readText, statOf, stripComments } from './disk.js';
import { resolveProjectModule, scanImports } from './module-graph.js';
import { walk } from './walk.js';
import { Memo } from './memo.js';

/**
 * Next.js' own rules for which modules of an app reach the browser, read from the file system as plain data
 * (no AST node outlives its file) and cached per process, keyed by path and modification time.
 *
 * - The app is the folder of the nearest `package.json` above a file when it depends on `next`, or a folder
 *   with a `next.config.*`; its routers are `app/` and `pages/` there, or under `src/` (as Next.js looks).
 *   Folder names elsewhere on the path mean nothing: `/home/me/app/project` is no App Router.
 * - Client entries: `"use client"` modules, and Pages Router pages (`pages/**` but `pages/api/**` and
 *   `_document`). Client code: the entries and what they import at runtime, transitively, up to a module that
 *   is server code (`isServerEdge`: the importer is reported there, once), `"use server"` (a reference to a
 *   Server Action, not its code), `server-only`, or a server file of the framework.
 * - Server files of the framework, never client: route handlers (`app/**\/route.*`), `pages/api/**`,
 *   `pages/_document`, `middleware`/`proxy`/`instrumentation` at the app's root (or `src/`), `next.config.*`.
 * - A page's imports used only by `getServerSideProps`/`getStaticProps`/`getStaticPaths` are removed from
 *   its client bundle by Next.js: they are not followed (`dataOnlyImports`).
 *
 * Cost: the app's folder is listed and its source files read once per process (at most `MAX_FILES`), then
 * re-checked by modification time at most every `RECHECK_MS`, so an editor sees new imports and files.
 * Knowingly not done: a module of a workspace package is client code only by its own directive or a
 * `clientFiles` glob, not because an app's client module imports it (each app would have to be found first);
 * `pageExtensions` and custom `distDir` are not read.
 */

export interface NextApp {
  root: string;
  /** The App Router folder (`app/` or `src/app/`), when there is one. */
  appDir: string | null;
  /** The Pages Router folder (`pages/` or `src/pages/`), when there is one. */
  pagesDir: string | null;
}

/** Decides whether an import edge leads into server code (then the importer is reported, not the module). */
export type ServerEdge = (specifier: string, fromFile: string) => boolean;

const RECHECK_MS = 2000;
const MAX_FILES = 20_000;
const MAX_DEPTH = 16;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIRS = new Set(['node_modules', '.next', 'out', 'dist', 'build', 'coverage', 'public', '.turbo', '.vercel', '.git']);
const CONFIG_NAMES = ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'];
const DATA_FUNCTIONS = new Set(['getServerSideProps', 'getStaticProps', 'getStaticPaths']);
const DATA_EXPORT = /\bexport\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s*(?:getServerSideProps|getStaticProps|getStaticPaths)\b|\bexport\s*\{[^}]*\b(?:getServerSideProps|getStaticProps|getStaticPaths)\b/;
const DIRECTIVES = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|["'][^"'\n]*["'];?)*/;

const isDirectory = (dir: string) => statOf(dir)?.isDirectory() ?? false;

// ---------------------------------------------------------------------------------------------------------
// Which app a file belongs to.

interface DirFacts {
  checkedAt: number;
  /** Modification times of the folder, its package.json and its `src/`: a config, manifest or router added, removed or edited. */
  stamp: string;
  /** What the folder itself says: an app's root (with or without one), or nothing (its parent decides). */
  own: { app: NextApp | null } | null;
  app: NextApp | null;
}

// Bounds: folders and modules of the apps a run or an editor session lints.
const appsByDir = new Memo<DirFacts>(8192);

/** The Next.js app that `file` belongs to, or null (no `next` in the nearest package.json, no router folder). */
export function findNextApp(file: string): NextApp | null {
  return appOfDir(path.dirname(file), Date.now());
}

// Re-checked every `RECHECK_MS`, by three stats while the folder is unchanged rather than the probes that decide it.
function appOfDir(dir: string, now: number): NextApp | null {
  const cached = appsByDir.get(dir);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.app;
  const stamp = ['', 'package.json', 'src'].map((name) => statOf(path.join(dir, name))?.mtimeMs).join(':');
  let own: DirFacts['own'] = null;
  if (cached?.stamp === stamp) own = cached.own;
  else if (CONFIG_NAMES.some((name) => statOf(path.join(dir, name))?.isFile())) own = { app: routersOf(dir) };
  else if (statOf(path.join(dir, 'package.json'))?.isFile()) own = { app: dependsOnNext(dir) ? routersOf(dir) : null };
  const up = path.dirname(dir) !== dir && path.basename(dir) !== 'node_modules';
  const app = own ? own.app : up ? appOfDir(path.dirname(dir), now) : null;
  appsByDir.set(dir, { checkedAt: now, stamp, own, app });
  return app;
}

function dependsOnNext(dir: string): boolean {
  const pkg = readJsonObject(path.join(dir, 'package.json'));
  return ['dependencies', 'devDependencies', 'peerDependencies'].some((field) => {
    const deps = pkg?.[field];
    return typeof deps === 'object' && deps !== null && 'next' in deps;
  });
}

// Next.js reads `app/` and `pages/` at the root, or under `src/` when the root has neither.
function routersOf(root: string): NextApp | null {
  const base = isDirectory(path.join(root, 'app')) || isDirectory(path.join(root, 'pages')) ? root : path.join(root, 'src');
  const appDir = isDirectory(path.join(base, 'app')) ? path.join(base, 'app') : null;
  const pagesDir = isDirectory(path.join(base, 'pages')) ? path.join(base, 'pages') : null;
  return appDir || pagesDir ? { root, appDir, pagesDir } : null;
}

// ---------------------------------------------------------------------------------------------------------
// What a file is, by the framework's conventions.

export type NextRole = 'page' | 'server' | 'module';

/** A page of the Pages Router, a server file of the framework, or any other module of the app. */
export function nextRoleOf(file: string, app: NextApp): NextRole {
  const name = path.basename(file).replace(/\.[^.]+$/, '');
  const inside = (dir: string | null) => (dir ? relativeInside(dir, file) : null);
  const pages = inside(app.pagesDir);
  if (pages !== null) return pages.startsWith('api/') || pages === 'api' || name === '_document' ? 'server' : 'page';
  const routes = inside(app.appDir);
  if (routes !== null && name === 'route') return 'server';
  const dir = path.dirname(file);
  const atRoot = dir === app.root || dir === path.join(app.root, 'src');
  if (atRoot && ['middleware', 'proxy', 'instrumentation', 'instrumentation-client'].includes(name)) {
    return name === 'instrumentation-client' ? 'module' : 'server';
  }
  if (dir === app.root && name.startsWith('next.config')) return 'server';
  return 'module';
}

function relativeInside(dir: string, file: string): string | null {
  const relative = path.relative(dir, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : null;
}

// ---------------------------------------------------------------------------------------------------------
// What a module says about itself: directives and runtime imports, as plain data.

interface ModuleFacts {
  mtimeMs: number;
  useClient: boolean;
  useServer: boolean;
  serverOnly: boolean;
  /** What the import scan found, `import type` left out. */
  scanned: string[];
  /**
   * Runtime imports: also without a declaration whose bindings are only used as types (the compilers erase
   * it) and without those only a page's data functions use. Parsed on first need: finding the client
   * entries of an app needs only the directives.
   */
  runtime?: string[];
}

/** Larger modules are parsed no further than the import scan: generated code, whose imports all run. */
const MAX_PARSED_BYTES = 200_000;
const factsCache = new Memo<ModuleFacts>(MAX_FILES);

function factsOf(file: string): ModuleFacts | null {
  const mtimeMs = statOf(file)?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const cached = factsCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const text = readText(file);
  if (text === null) return null;
  const directives = text.match(DIRECTIVES)?.[0] ?? '';
  const records = scanImports(text).filter((r) => !r.typeOnly);
  const facts: ModuleFacts = {
    mtimeMs,
    useClient: /["']use client["']/.test(directives),
    useServer: /["']use server["']/.test(directives),
    serverOnly: records.some((r) => r.source === 'server-only'),
    scanned: records.map((r) => r.source),
  };
  factsCache.set(file, facts);
  return facts;
}

function importsOf(file: string): string[] {
  const facts = factsOf(file);
  if (!facts) return [];
  if (!facts.runtime) {
    const text = facts.scanned.length > 0 ? readText(file) : null;
    // Parsing is most of the cost of an app's first scan: skipped when every binding is plainly used as a value.
    facts.runtime = text === null || (!DATA_EXPORT.test(text) && everyBindingReadAsValue(text)) ? facts.scanned : runtimeOnly(facts.scanned, text, file);
  }
  return facts.runtime;
}

function dataOnlyOf(program: TSESTree.Program): Set<TSESTree.ImportDeclaration> | null {
  try {
    // `parse` leaves out parents, which telling a type position apart needs.
    walk(program, (node, parent) => {
      if (parent) (node as { parent?: TSESTree.Node }).parent = parent;
      return true;
    });
    // Two copies of the scope manager's types (ours, the parser's) differ only in private fields.
    const scopes = analyze(program, { sourceType: 'module', jsxPragma: null }) as unknown as TSESLint.Scope.ScopeManager;
    return dataOnlyImports(program, scopes);
  } catch {
    return null;
  }
}

const IMPORT_BINDINGS = /\bimport\s+(?!type\b)(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))?\s*from\s*["'][^"'\n]*["']/g;

/**
 * Does every binding of the module's value imports have a plain value use: a call, a member read, a JSX
 * element, `new`? Then no import is erased as types only, and the module needs no parse. Syntactic and
 * one-sided: a "no" only means the parse decides.
 */
function everyBindingReadAsValue(text: string): boolean {
  const code = stripComments(text);
  const names: string[] = [];
  for (const m of code.matchAll(IMPORT_BINDINGS)) {
    if (m[1]) names.push(m[1]);
    if (m[3]) names.push(m[3]);
    for (const part of m[2]?.split(',') ?? []) {
      const binding = part.trim();
      if (!binding || binding.startsWith('type ')) continue;
      names.push(binding.split(/\s+as\s+/).pop()!.trim());
    }
  }
  const rest = code.replace(IMPORT_BINDINGS, '');
  return names.every((name) => {
    const n = name.replace(/\$/g, '\\$');
    return new RegExp(`(?<![\\w$.])${n}\\s*[(.]|<${n}[\\s/>]|\\bnew\\s+${n}\\b`).test(rest);
  });
}

// What the scan found, less what the compilers and Next.js drop, as read from the parsed module.
function runtimeOnly(imports: string[], text: string, file: string): string[] {
  if (text.length > MAX_PARSED_BYTES || !/\bimport\s*[\w${*]/.test(text)) return imports;
  const dropped = new Set<string>();
  const kept = new Set<string>();
  if (DATA_EXPORT.test(text)) {
    // A page's data functions: ESTree and scopes, as the rule reads the linted page.
    let program: TSESTree.Program;
    try {
      program = parse(text, { jsx: !/\.[cm]?ts$/.test(file), range: true, loc: true }); // `loc: false` costs a pass (see project-source.ts)
    } catch {
      return imports;
    }
    const values = readsOf(program);
    const dataOnly = dataOnlyOf(program);
    for (const s of program.body) {
      if (s.type === T.ImportDeclaration) {
        const erased =
          s.importKind === 'type' ||
          (s.specifiers.length > 0 &&
            s.specifiers.every((x) => (x.type === T.ImportSpecifier && x.importKind === 'type') || !values.has(x.local.name)));
        (erased || dataOnly?.has(s) ? dropped : kept).add(s.source.value);
      } else if (s.type === T.ExportNamedDeclaration && s.source) {
        // `export { getServerSideProps } from "…"`: the page's data function lives there.
        const data = dataOnly && s.specifiers.length > 0 && s.specifiers.every((x) => DATA_FUNCTIONS.has(exportedName(x)));
        (s.exportKind === 'type' || data ? dropped : kept).add(s.source.value);
      }
    }
  } else {
    // Any other module: TypeScript's own parser, without the ESTree conversion (the larger part of a parse).
    let source: ts.SourceFile;
    try {
      source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.TSX);
    } catch {
      return imports;
    }
    const values = valueReadsOf(source);
    for (const s of source.statements) {
      if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
        const clause = s.importClause;
        const bindings = clause?.namedBindings;
        const locals = [
          ...(clause?.name ? [clause.name.text] : []),
          ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
          ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text) : []),
        ];
        const erased = clause !== undefined && (clause.isTypeOnly || !locals.some((l) => values.has(l)));
        (erased ? dropped : kept).add(s.moduleSpecifier.text);
      } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
        (s.isTypeOnly ? dropped : kept).add(s.moduleSpecifier.text);
      }
    }
  }
  return imports.filter((source) => kept.has(source) || !dropped.has(source));
}

// The names a module reads as values, on TypeScript's tree: as `readsOf`, types and imports left out.
function valueReadsOf(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isKey =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isJsxAttribute(parent) && parent.name === node);
      if (!isKey) names.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * The imports of a Pages Router page that only `getServerSideProps`, `getStaticProps` or `getStaticPaths`
 * use, directly or through top-level helpers only they call: Next.js removes them from the client bundle.
 * By the scopes' value references, so a parameter of the component that shadows an import
 * (`function Home({ IS_CLOUD })`) does not keep it.
 */
export function dataOnlyImports(program: TSESTree.Program, scopes: TSESLint.Scope.ScopeManager): Set<TSESTree.ImportDeclaration> {
  const stripped = new Set<TSESTree.ImportDeclaration>();
  const exportedAsData = new Set<string>();
  for (const s of program.body) {
    if (s.type === T.ExportNamedDeclaration && !s.source) {
      for (const x of s.specifiers) if (DATA_FUNCTIONS.has(exportedName(x)) && x.local.type === T.Identifier) exportedAsData.add(x.local.name);
    }
  }
  // Top-level items: what each declares, the module's names it reads, and whether it is live by itself.
  interface Item { node: TSESTree.Node; declares: string[]; reads: Set<string>; live: boolean }
  const items: Item[] = [];
  let hasData = false;
  const add = (node: TSESTree.Node, declares: string[], live: boolean) => items.push({ node, declares, reads: new Set(), live });
  for (const statement of program.body) {
    if (statement.type === T.ImportDeclaration) continue;
    const exported = statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration;
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    const isData = (name: string) => (exported && DATA_FUNCTIONS.has(name)) || exportedAsData.has(name);
    if ((declaration?.type === T.FunctionDeclaration || declaration?.type === T.ClassDeclaration) && declaration.id) {
      const data = isData(declaration.id.name);
      hasData ||= data;
      add(declaration, [declaration.id.name], exported && !data);
    } else if (declaration?.type === T.VariableDeclaration) {
      for (const d of declaration.declarations) {
        const name = d.id.type === T.Identifier ? d.id.name : null;
        const data = name !== null && isData(name);
        hasData ||= data;
        add(d, name ? [name] : [], name === null || (exported && !data));
      }
    } else if (statement.type === T.ExportNamedDeclaration && !statement.declaration && !statement.source) {
      // `export { Page as default, load as getStaticProps }`: the specifiers that are no data function keep theirs.
      for (const x of statement.specifiers) if (!DATA_FUNCTIONS.has(exportedName(x))) add(x, [], true);
    } else {
      add(statement, [], true);
    }
  }
  if (!hasData) return stripped;
  const moduleScope = scopes.globalScope?.childScopes.find((scope) => scope.type === 'module') ?? scopes.globalScope;
  const imports = new Map<string, TSESTree.ImportDeclaration>();
  for (const variable of moduleScope?.variables ?? []) {
    const definition = variable.defs[0];
    if (definition?.type === 'ImportBinding' && definition.parent.type === T.ImportDeclaration) imports.set(variable.name, definition.parent);
    for (const reference of variable.references) {
      // `InferGetServerSidePropsType<typeof getServerSideProps>` reads no value: the type is erased.
      if (!reference.isValueReference || inType(reference.identifier)) continue;
      const at = reference.identifier.range[0];
      const item = items.find((i) => i.node.range[0] <= at && at < i.node.range[1]);
      item?.reads.add(variable.name);
    }
  }
  const read = new Set<string>();
  const queue = items.filter((i) => i.live);
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const name of queue.pop()!.reads) {
      if (read.has(name)) continue;
      read.add(name);
      for (const other of items) {
        if (!seen.has(other) && other.declares.includes(name)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
  }
  const kept = new Set([...read].flatMap((name) => (imports.has(name) ? [imports.get(name)!] : [])));
  for (const node of imports.values()) if (node.importKind !== 'type' && !kept.has(node)) stripped.add(node);
  return stripped;
}

const TYPE_NODES = new Set<string>([
  T.TSTypeAnnotation,
  T.TSTypeParameterInstantiation,
  T.TSTypeParameterDeclaration,
  T.TSInterfaceDeclaration,
  T.TSTypeAliasDeclaration,
  T.TSDeclareFunction,
  T.TSTypeReference,
  T.TSTypeQuery,
  T.TSTypeLiteral,
  T.TSTypeOperator,
  T.TSTypePredicate,
]);

function inType(node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = node.parent; n && n.type !== T.Program; n = n.parent) if (isTypeOnlyNode(n)) return true;
  return false;
}

// Types, and `declare` blocks: erased by every compiler.
function isTypeOnlyNode(n: TSESTree.Node): boolean {
  if (TYPE_NODES.has(n.type) || (n.type.startsWith('TS') && /(?:Type|Keyword)$/.test(n.type))) return true;
  return (n.type === T.TSModuleDeclaration || n.type === T.VariableDeclaration || n.type === T.ClassDeclaration) && n.declare === true;
}

function exportedName(x: TSESTree.ExportSpecifier): string {
  return x.exported.type === T.Identifier ? x.exported.name : String(x.exported.value);
}

// The names a node reads as values: identifiers outside types and imports, except property names and keys
// written after a dot or before a colon.
function readsOf(node: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  walk(node, (n, parent) => {
    if (n.type === T.ImportDeclaration || isTypeOnlyNode(n)) return false;
    if (n.type === T.Identifier || n.type === T.JSXIdentifier) {
      const isKey =
        (parent?.type === T.MemberExpression && parent.property === n && !parent.computed) ||
        (parent?.type === T.Property && parent.key === n && !parent.computed && !parent.shorthand) ||
        (parent?.type === T.JSXMemberExpression && parent.property === n) ||
        parent?.type === T.JSXAttribute;
      if (!isKey) names.add(n.name);
    }
    return true;
  });
  return names;
}

// ---------------------------------------------------------------------------------------------------------
// The app's client modules.

interface AppGraph {
  checkedAt: number;
  /** Every file read for this app (its own, and those outside it that its client modules import), with mtime. */
  stamps: Map<string, number>;
  /** The listed source files of the app, sorted. */
  files: string[];
  /** By the edge test in use (one per settings and project root). */
  clientSets: WeakMap<ServerEdge, Set<string>>;
}

const graphs = new Memo<AppGraph>(64);

/**
 * Is `file` client code of `app` by the framework's rules: a client entry, or imported at runtime from one
 * through modules that are not server code? `isServerEdge` is the same test the rules report with.
 */
export function isReachedFromClient(file: string, app: NextApp, isServerEdge: ServerEdge): boolean {
  const graph = graphOf(app, Date.now());
  let set = graph.clientSets.get(isServerEdge);
  if (!set) {
    set = clientModules(app, graph, isServerEdge);
    graph.clientSets.set(isServerEdge, set);
  }
  return set.has(file);
}

function graphOf(app: NextApp, now: number): AppGraph {
  const existing = graphs.get(app.root);
  if (existing && now - existing.checkedAt < RECHECK_MS) return existing;
  const files = listSources(app.root);
  if (existing && sameFiles(existing, files)) {
    existing.checkedAt = now;
    return existing;
  }
  const graph: AppGraph = { checkedAt: now, stamps: new Map(), files, clientSets: new WeakMap() };
  graphs.set(app.root, graph);
  return graph;
}

// Nothing was added, removed or edited since the client modules were worked out.
function sameFiles(graph: AppGraph, files: string[]): boolean {
  if (files.length !== graph.files.length || files.some((f, i) => f !== graph.files[i])) return false;
  for (const [file, mtimeMs] of graph.stamps) if (statOf(file)?.mtimeMs !== mtimeMs) return false;
  return true;
}

function listSources(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const entry of readDirectory(dir) ?? []) {
      if (found.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) visit(full, depth + 1);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        found.push(full);
      }
    }
  };
  visit(root, 0);
  return found.sort();
}

function clientModules(app: NextApp, graph: AppGraph, isServerEdge: ServerEdge): Set<string> {
  const facts = (file: string) => {
    const f = factsOf(file);
    if (f) graph.stamps.set(file, f.mtimeMs);
    return f;
  };
  const client = new Set<string>();
  const queue: string[] = [];
  for (const file of graph.files) {
    const role = nextRoleOf(file, app);
    const f = role === 'server' ? null : facts(file);
    if (!f || f.useServer || f.serverOnly) continue;
    if (f.useClient || role === 'page') {
      client.add(file);
      queue.push(file);
    }
  }
  while (queue.length > 0 && client.size < MAX_FILES) {
    const from = queue.pop()!;
    for (const specifier of importsOf(from)) {
      const target = resolveProjectModule(specifier, from);
      if (!target || client.has(target) || !SOURCE.test(target) || target.endsWith('.d.ts')) continue;
      if (relativeInside(app.root, target) !== null && nextRoleOf(target, app) === 'server') continue;
      const f = facts(target);
      if (!f || f.useServer || f.serverOnly || isServerEdge(specifier, from)) continue;
      client.add(target);
      queue.push(target);
    }
  }
  return client;
}

const reachCache = new Memo<{ mtimeMs: number | undefined; found: string | null }>(MAX_FILES);

/**
 * What `match` names (a package) among the runtime imports of `file`, or of the project modules it imports,
 * up to `depth` modules deep (1: `file`'s own imports). `key` names `match` and `depth` for the cache, which
 * is kept per file by modification time. Erased imports (types only) and a page's data-function imports do
 * not count: they never reach a bundle.
 */
export function reachedImport(file: string, key: string, match: (source: string) => string | null, depth: number): string | null {
  const mtimeMs = statOf(file)?.mtimeMs;
  const cacheKey = `${file}\0${key}`;
  const cached = reachCache.get(cacheKey);
  if (cached && cached.mtimeMs === mtimeMs) return cached.found;
  const found = reach(file, match, depth, new Set());
  reachCache.set(cacheKey, { mtimeMs, found });
  return found;
}

function reach(file: string, match: (source: string) => string | null, depth: number, seen: Set<string>): string | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const imports = importsOf(file);
  for (const source of imports) {
    const found = match(source);
    if (found) return found;
  }
  if (depth <= 1) return null;
  for (const source of imports) {
    const next = resolveProjectModule(source, file);
    const found = next && SOURCE.test(next) ? reach(next, match, depth - 1, seen) : null;
    if (found) return found;
  }
  return null;
}
