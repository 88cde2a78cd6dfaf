import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import picomatch from 'picomatch';
import type { HotpathSettings } from '../settings.js';
import { readHead } from './disk.js';
import type { FileContext } from './analysis-types.js';
import { dataOnlyImports, findNextApp, isReachedFromClient, nextRoleOf, type ServerEdge } from './next-app.js';
import { recognizeServerModule } from './server-module.js';

export interface ClientFile {
  /**
   * Why the file is client code: its `"use client"` directive, a Pages Router page, a module that a client
   * module imports (transitively), or a `clientFiles` glob of the settings.
   */
  reason: 'use-client' | 'page' | 'imported-by-client' | 'client-glob';
  /** Imports of a page that only its `getServerSideProps`/`getStaticProps` use: Next.js drops them from the bundle. */
  serverDataImports: ReadonlySet<TSESTree.ImportDeclaration>;
}

/** A compiled list of globs; `byName` when every glob is `**\/<name pattern>`, which the file's name alone decides. */
interface Matcher {
  test: (path: string) => boolean;
  byName: boolean;
}

// Compiled on first use, each list apart: most projects set neither, and a glob compile is a cold start (a few
// ms) that an editor pays on its first keystroke.
const matchersBySettings = new WeakMap<HotpathSettings, { client?: Matcher; server?: Matcher }>();

function matcher(settings: HotpathSettings, kind: 'client' | 'server'): Matcher {
  let m = matchersBySettings.get(settings);
  if (!m) matchersBySettings.set(settings, (m = {}));
  const globs = kind === 'client' ? settings.clientFiles : settings.serverFiles;
  // The default `**/*.server.*` is of the name kind: then no relative path is worked out for each file.
  const byName = globs.every((g) => g.startsWith('**/') && !g.slice(3).includes('/'));
  return (m[kind] ??= { test: picomatch(byName ? globs.map((g) => g.slice(3)) : globs, { dot: true }), byName });
}

/**
 * Is the linted file shipped to the browser? By Next.js' own rules (see `next-app.ts`): yes with a
 * `"use client"` directive, as a Pages Router page, or when a client module imports it at runtime
 * (transitively, through modules that are not server code); never as a route handler, `pages/api/**`,
 * `middleware`, a `"use server"` file or a `server-only` importer. The `clientFiles` / `serverFiles` globs
 * of the settings add to this, matched relative to the project root (ESLint's `cwd`), never to absolute
 * paths: the folders above the project have no say.
 *
 * Knowingly not done: a module of a workspace package that an app's client module imports is client code only
 * with its own `"use client"` or a `clientFiles` glob; Pages Router pages outside a Next.js app (no `next`
 * dependency, no `next.config.*`) are not pages.
 */
export function recognizeClientFile(file: Pick<FileContext, 'context' | 'settings'>): ClientFile | null {
  const { context, settings } = file;
  const program = context.sourceCode.ast;
  const directives = directivesOf(program);
  if (directives.has('use server') || importsServerOnly(program)) return null;
  const filename = context.physicalFilename;
  const app = findNextApp(filename);
  const role = app ? nextRoleOf(filename, app) : 'module';
  if (role === 'server' || matchesGlob(filename, context.cwd, settings, 'server')) return null;
  const found = (reason: ClientFile['reason']): ClientFile => ({
    reason,
    serverDataImports: role === 'page' ? dataOnlyImports(program, context.sourceCode.scopeManager!) : NONE,
  });
  if (directives.has('use client')) return found('use-client');
  if (matchesGlob(filename, context.cwd, settings, 'client')) return found('client-glob');
  if (role === 'page') return found('page');
  if (app && isReachedFromClient(filename, app, serverEdge(settings, context.cwd))) return found('imported-by-client');
  return null;
}

const NONE: ReadonlySet<TSESTree.ImportDeclaration> = new Set();

/**
 * Is a module of the project, by itself, client code: `"use client"` at its top, or a `clientFiles` glob
 * (and no `serverFiles` one)? For judging imports: a client module's own imports are judged where it is
 * linted, so an import of it is not an import of what it imports.
 */
export function isClientModule(file: string, cwd: string, settings: HotpathSettings): boolean {
  if (matchesGlob(file, cwd, settings, 'client') && !matchesGlob(file, cwd, settings, 'server')) return true;
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(readHead(file, 512));
}

/**
 * Does a module of the project start with `"use server"`? Its exports are Server Actions: a client module that
 * imports one gets a reference to call, never the action's code (nor what the action imports).
 */
export function isServerActionModule(file: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(readHead(file, 512));
}

// Relative to the project root; a file outside it matches no glob of the project.
function matchesGlob(file: string, cwd: string, settings: HotpathSettings, kind: 'client' | 'server'): boolean {
  // Most projects set no globs: then no path needs working out, for every file linted.
  if ((kind === 'client' ? settings.clientFiles : settings.serverFiles).length === 0) return false;
  const { test, byName } = matcher(settings, kind);
  if (byName) return file.startsWith(cwd.endsWith(path.sep) ? cwd : cwd + path.sep) && test(path.basename(file));
  const relative = path.relative(cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return test(relative.split(path.sep).join('/'));
}

// One edge test per settings and project root, so that the app's client modules are worked out once for each.
const edges = new WeakMap<HotpathSettings, Map<string, ServerEdge>>();

function serverEdge(settings: HotpathSettings, cwd: string): ServerEdge {
  let byCwd = edges.get(settings);
  if (!byCwd) edges.set(settings, (byCwd = new Map()));
  let edge = byCwd.get(cwd);
  if (!edge) {
    edge = (specifier, fromFile) => recognizeServerModule(specifier, fromFile, settings, cwd) !== null;
    byCwd.set(cwd, edge);
  }
  return edge;
}

function directivesOf(program: TSESTree.Program): Set<string> {
  const directives = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== T.ExpressionStatement || statement.directive === undefined) break;
    directives.add(statement.directive);
  }
  return directives;
}

function importsServerOnly(program: TSESTree.Program): boolean {
  return program.body.some((s) => s.type === T.ImportDeclaration && s.source.value === 'server-only');
}
