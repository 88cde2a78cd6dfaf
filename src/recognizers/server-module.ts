import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { HotpathSettings } from '../settings.js';
import { isClientModule } from './client-file.js';
import { moduleReachesPackage, resolveProjectModule } from './module-graph.js';

/** Why a module must never reach a browser bundle. */
export interface ServerModule {
  /** For messages: "imports `drizzle-orm`", "is in the server folder `api`", "is a Node.js built-in". */
  reason: string;
}

/**
 * Packages that only run on a server: database clients and drivers, Redis clients, queues, HTTP servers,
 * and the marker package `server-only`. `@trpc/server` is not listed: its type-only and adapter-free parts
 * are what client code legitimately imports types from; bundle rules judge its value imports themselves.
 */
export const SERVER_PACKAGES = [
  'server-only',
  'drizzle-orm',
  'postgres',
  'pg',
  'mysql2',
  '@neondatabase/serverless',
  '@planetscale/database',
  'better-sqlite3',
  '@libsql/client',
  'ioredis',
  'redis',
  '@redis/client',
  'bullmq',
  'fastify',
  'express',
];

/**
 * Is the module that `specifier` names, imported from `fromFile`, server code? It is when it is a Node.js
 * built-in, a server package (or one of `serverModules`), a project module inside a server folder
 * (`serverFolders`, e.g. `apps/api/…`, `src/server/…`), or a project module that imports one of those
 * packages directly or through up to three project modules. A project module that is client code itself is
 * not: its own imports are judged where it is linted (one report at the boundary, not one per importer).
 */
export function recognizeServerModule(
  specifier: string,
  fromFile: string,
  settings: HotpathSettings,
  cwd: string,
): ServerModule | null {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { reason: 'is a Node.js built-in' };
  const packages = [...SERVER_PACKAGES, ...settings.serverModules];
  const resolved = resolveProjectModule(specifier, fromFile);
  if (resolved) {
    if (isClientModule(resolved, cwd, settings)) return null;
    const folder = serverFolderOf(resolved, fromFile, settings.serverFolders);
    if (folder) return { reason: `is in the server folder \`${folder}\`` };
  }
  const reached = moduleReachesPackage(specifier, fromFile, packages);
  if (!reached) return null;
  const direct = specifier === reached || specifier.startsWith(`${reached}/`);
  return { reason: direct ? `is the server package \`${reached}\`` : `imports \`${reached}\`` };
}

/** The server folder the module lives in, counted from the folder the two files share. */
function serverFolderOf(moduleFile: string, fromFile: string, folders: readonly string[]): string | undefined {
  const common = commonDirectory(path.dirname(moduleFile), path.dirname(fromFile));
  const segments = path.relative(common, path.dirname(moduleFile)).split(path.sep);
  return segments.find((s) => folders.includes(s));
}

function commonDirectory(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(path.sep) || path.sep;
}
