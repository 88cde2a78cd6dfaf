import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import picomatch from 'picomatch';
import type { HotpathSettings } from '../settings.js';
import { readHead } from './disk.js';
import type { FileContext } from './file-context.js';

export interface ClientFile {
  /** Why the file is client code: its `"use client"` directive, or a `clientFiles` glob. */
  reason: 'use-client' | 'client-glob';
}

type Matcher = (file: string) => boolean;

// Compiled on first use, each list apart: most files are decided by the client globs alone, and a glob
// compile is a cold start (a few ms) that an editor pays on its first keystroke.
const matchersBySettings = new WeakMap<HotpathSettings, { client?: Matcher; server?: Matcher }>();

function matcher(settings: HotpathSettings, kind: 'client' | 'server'): Matcher {
  let m = matchersBySettings.get(settings);
  if (!m) matchersBySettings.set(settings, (m = {}));
  return (m[kind] ??= picomatch(kind === 'client' ? settings.clientFiles : settings.serverFiles, { dot: true }));
}

/**
 * Is the linted file shipped to the browser? Yes with a `"use client"` directive, or when it matches
 * `clientFiles` (default: `apps/web/**`, `apps/mobile/**`, `pages/**`). No when it imports `server-only`,
 * has `"use server"`, matches `serverFiles` (Next.js API routes, route handlers, middleware, `*.server.ts`),
 * or sits in a Next.js `app/` folder without `"use client"` (a Server Component by default).
 *
 * Knowingly not done: following the import graph (a component imported only by client components is
 * client code without saying so); configure `clientFiles` for such folders.
 */
export function recognizeClientFile(file: Pick<FileContext, 'context' | 'settings'>): ClientFile | null {
  const program = file.context.sourceCode.ast;
  const directives = directivesOf(program);
  if (directives.has('use server') || importsServerOnly(program)) return null;
  if (directives.has('use client')) return { reason: 'use-client' };
  return isClientPath(file.context.physicalFilename, file.context.cwd, file.settings) ? { reason: 'client-glob' } : null;
}

/**
 * Is a module of the project, by its path, client code: `"use client"` at its top, or a `clientFiles` glob
 * (and no `serverFiles` one)? For judging imports: a client module's own imports are judged where it is
 * linted, so an import of it is not an import of what it imports.
 */
export function isClientModule(file: string, cwd: string, settings: HotpathSettings): boolean {
  if (isClientPath(file, cwd, settings)) return true;
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(readHead(file, 512));
}

// A `clientFiles` glob, not a `serverFiles` one, and not in a Next.js `app/` folder (Server Components there).
function isClientPath(file: string, cwd: string, settings: HotpathSettings): boolean {
  const relative = path.relative(cwd, file).split(path.sep).join('/');
  return matcher(settings, 'client')(relative) && !relative.split('/').includes('app') && !matcher(settings, 'server')(relative);
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
