/** Redis client libraries (ioredis 5, node-redis 4–5, @upstash/redis 1): their packages and how clients are made. */

/** The client libraries, by the name the rules and codemods give them. */
export type RedisLibrary = 'ioredis' | 'node-redis' | 'upstash';

/** The packages each library is published as; the first library whose package a type comes from wins. */
export const REDIS_CLIENT_PACKAGES: ReadonlyArray<readonly [RedisLibrary, readonly string[]]> = [
  ['ioredis', ['ioredis']],
  ['node-redis', ['redis', '@redis/client']],
  ['upstash', ['@upstash/redis']],
];

/** The library a package (not a subpath of it) belongs to. */
export function redisLibraryOf(pkg: string): RedisLibrary | undefined {
  return REDIS_CLIENT_PACKAGES.find(([, packages]) => packages.includes(pkg))?.[0];
}

/** node-redis' client factories: `createClient()`, `createCluster()`, `createSentinel()`. */
export const NODE_REDIS_FACTORIES: ReadonlySet<string> = new Set(['createClient', 'createCluster', 'createSentinel']);

/** Calls on a client that return the same client (or a connected copy of it). */
export const SAME_CLIENT_CALLS: ReadonlySet<string> = new Set(['connect', 'duplicate', 'on', 'once', 'withTypeMapping', 'withCommandOptions']);
