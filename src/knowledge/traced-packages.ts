import { REDIS_CLIENT_PACKAGES } from './redis-clients.js';

/**
 * The packages whose values origin tracing follows: Drizzle databases, tRPC procedures and contexts, Redis
 * clients. A project module that re-exports one is followed instead.
 */
export const TRACKED_PACKAGES: readonly string[] = [
  'drizzle-orm',
  '@trpc/server',
  ...REDIS_CLIENT_PACKAGES.flatMap(([, packages]) => packages),
];

/** The tracked package that `specifier` names, or a subpath of: `drizzle-orm/pg-core` gives `drizzle-orm`. */
export function trackedPackageOf(specifier: string): string | undefined {
  return TRACKED_PACKAGES.find((p) => specifier === p || specifier.startsWith(`${p}/`));
}
