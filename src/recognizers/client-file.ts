import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import picomatch from 'picomatch';
import type { HotpathSettings } from '../settings.js';
import type { FileContext } from './file-context.js';

export interface ClientFile {
  /** Why the file is client code: its `"use client"` directive, or a `clientFiles` glob. */
  reason: 'use-client' | 'client-glob';
}

interface Matchers {
  client: (file: string) => boolean;
  server: (file: string) => boolean;
}

const matchersBySettings = new WeakMap<HotpathSettings, Matchers>();

function matchers(settings: HotpathSettings): Matchers {
  let m = matchersBySettings.get(settings);
  if (!m) {
    m = {
      client: picomatch(settings.clientFiles, { dot: true }),
      server: picomatch(settings.serverFiles, { dot: true }),
    };
    matchersBySettings.set(settings, m);
  }
  return m;
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
export function recognizeClientFile(file: FileContext): ClientFile | null {
  const program = file.context.sourceCode.ast;
  const directives = directivesOf(program);
  if (directives.has('use server') || importsServerOnly(program)) return null;
  if (directives.has('use client')) return { reason: 'use-client' };
  const relative = path.relative(file.context.cwd, file.context.physicalFilename).split(path.sep).join('/');
  const { client, server } = matchers(file.settings);
  if (server(relative) || relative.split('/').includes('app')) return null;
  return client(relative) ? { reason: 'client-glob' } : null;
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
