/**
 * Packages that only run on a server: database clients and drivers, Redis clients, queues, HTTP servers,
 * and the marker package `server-only`. `@trpc/server` is matched apart (TRPC_SERVER): client links use
 * its subpaths such as `@trpc/server/observable`.
 */
export const SERVER_PACKAGES: readonly string[] = [
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

/** The tRPC server itself and its adapters; client code imports its types, or uses `@trpc/client`. */
export const TRPC_SERVER = /^@trpc\/server(?:\/adapters(?:\/.*)?)?$/;
