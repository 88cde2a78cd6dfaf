import { isBuiltin } from 'node:module';
import path from 'node:path';
import { SERVER_PACKAGES, TRPC_SERVER } from '../knowledge/server-packages.js';
import type { HotpathSettings } from '../settings.js';
import { isClientModule, isServerActionModule } from './client-file.js';
import { resolveProjectModule } from './module-graph.js';
import { reachedImport } from './next-app.js';

/** Why a module must never reach a browser bundle. */
export interface ServerModule {
  /** For messages: "imports `drizzle-orm`", "is in the server folder `api`", "is a Node.js built-in". */
  reason: string;
}

/**
 * Is the module that `specifier` names, imported from `fromFile`, server code? It is when it is a Node.js
 * built-in, the tRPC server, a server package (or one of `serverModules`), a project module inside a server
 * folder of the settings (`serverFolders`, none by default: `lib/api/client.ts` is often browser code), or a
 * project module that imports one of those packages at runtime, directly or through up to two more project
 * modules (the tRPC server: through one; imports of types only, which the compilers erase, do not count).
 * A workspace package is judged by what it imports, never by its name (`@acme/api`).
 * A project module that is client code itself is not: its own imports are judged where it is linted (one
 * report at the boundary, not one per importer). Nor is a `"use server"` module: its importer gets references
 * to its Server Actions.
 */
export function recognizeServerModule(
  specifier: string,
  fromFile: string,
  settings: HotpathSettings,
  cwd: string,
): ServerModule | null {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { reason: 'is a Node.js built-in' };
  if (TRPC_SERVER.test(specifier)) return { reason: 'is the tRPC server' };
  const resolved = resolveProjectModule(specifier, fromFile);
  const reason = projectOrPackageReason(specifier, resolved, fromFile, settings);
  // Asked only once the module looks like server code: they read the module's first bytes.
  if (!reason || (resolved && (isClientModule(resolved, cwd, settings) || isServerActionModule(resolved)))) return null;
  return { reason };
}

function projectOrPackageReason(
  specifier: string,
  resolved: string | null,
  fromFile: string,
  settings: HotpathSettings,
): string | null {
  // No server folders by default: then no paths need working out, for every import of every file.
  const folder = resolved && settings.serverFolders.length > 0 && serverFolderOf(resolved, fromFile, settings.serverFolders);
  if (folder) return `is in the server folder \`${folder}\``;
  const { packages, key } = serverPackages(settings);
  const direct = matchesPackage(specifier, packages);
  if (direct) return `is the server package \`${direct}\``;
  if (!resolved) return null;
  const reached =
    reachedImport(resolved, key, (source) => matchesPackage(source, packages), 3) ??
    // A router or the tRPC init imports `@trpc/server` itself (`initTRPC`); client links import its subpaths
    // (`@trpc/server/observable`), which a package-prefix match would count too.
    reachedImport(resolved, 'trpc-server', (source) => (TRPC_SERVER.test(source) ? '@trpc/server' : null), 2);
  return reached ? `imports \`${reached}\`` : null;
}

const packagesBySettings = new WeakMap<HotpathSettings, { packages: string[]; key: string }>();

// The server packages with the settings' own, and their cache key: built once per settings, not per import.
function serverPackages(settings: HotpathSettings): { packages: string[]; key: string } {
  let found = packagesBySettings.get(settings);
  if (!found) {
    const packages = [...SERVER_PACKAGES, ...settings.serverModules];
    packagesBySettings.set(settings, (found = { packages, key: `server:${packages.join(',')}` }));
  }
  return found;
}

/** `drizzle-orm/pg-core` belongs to `drizzle-orm`. */
function matchesPackage(specifier: string, packages: readonly string[]): string | null {
  return packages.find((p) => specifier === p || specifier.startsWith(`${p}/`)) ?? null;
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

