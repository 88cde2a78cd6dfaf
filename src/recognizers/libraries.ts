import type { HotpathSettings } from '../settings.js';
import { DATABASE_FACTORIES, DATABASE_TYPE } from '../knowledge/drizzle.js';
import { NODE_REDIS_FACTORIES, SAME_CLIENT_CALLS, redisLibraryOf, type RedisLibrary } from '../knowledge/redis-clients.js';
import type { Origin, OriginHints } from './analysis-types.js';

/**
 * Which library values an origin path denotes. Each predicate accepts the shapes the library documents and
 * the steps that keep the same kind of value (`await`, a transaction's `tx`, `createClient().connect()`).
 */

const SETTINGS_DB: Origin = { package: 'drizzle-orm', path: ['drizzle', '()'] };
const SETTINGS_PROCEDURE: Origin = { package: '@trpc/server', path: ['initTRPC', 'create', '()', 'procedure'] };
const SETTINGS_REDIS: Origin = { package: 'settings:redis', path: [] };

/** Origins that settings declare: `drizzle.modules`, `redis.names`… */
export function hintsFromSettings(settings: HotpathSettings): OriginHints {
  const modules = new Map<string, Origin>();
  const names = new Map<string, Origin>();
  for (const m of settings.drizzle.modules) modules.set(m, SETTINGS_DB);
  for (const m of settings.redis.modules) modules.set(m, SETTINGS_REDIS);
  for (const m of settings.trpc.modules) modules.set(m, SETTINGS_PROCEDURE);
  for (const n of settings.drizzle.names) names.set(n, SETTINGS_DB);
  for (const n of settings.redis.names) names.set(n, SETTINGS_REDIS);
  for (const n of settings.trpc.procedures) names.set(n, SETTINGS_PROCEDURE);
  return { modules, names };
}

/** Strips steps that keep a value's kind: the `tx` of `db.transaction((tx) => …)`, nested transactions. */
function stripTransactions(path: readonly string[]): string[] {
  const steps = [...path];
  while (steps.length >= 2 && steps.at(-2) === 'transaction' && steps.at(-1) === 'cb0') steps.splice(-2, 2);
  return steps;
}

/** A Drizzle database or transaction: `drizzle(…)`, a value typed `PostgresJsDatabase`, a `tx`. */
export function isDrizzleDatabase(origin: Origin | null): boolean {
  if (origin?.package !== 'drizzle-orm') return false;
  const path = stripTransactions(origin.path);
  if (path[0] === 'type') return path.length === 2 && DATABASE_TYPE.test(path[1]!);
  return path.length === 2 && DATABASE_FACTORIES.has(path[0]!) && path[1] === '()';
}

/**
 * `ctx.db` inside a tRPC resolver or middleware, where `db` is one of the configured context keys: tRPC
 * contexts are built at run time, so the key is the evidence.
 */
export function isContextMember(origin: Origin | null, keys: readonly string[]): boolean {
  const key = contextKeyOf(origin);
  return key !== null && keys.includes(key);
}

/** `database` for `ctx.database` (or its `tx`) inside a tRPC resolver or middleware, whatever the key; `null` elsewhere. */
export function contextKeyOf(origin: Origin | null): string | null {
  if (origin?.package !== '@trpc/server' || origin.path[0] !== 'initTRPC') return null;
  // The `tx` of `ctx.db.transaction((tx) => …)` is what `ctx.db` is.
  const [method, callback, ctx, key] = stripTransactions(origin.path).slice(-4);
  return CONTEXT_CALLBACKS.has(method!) && callback === 'cb0' && ctx === 'ctx' && key !== undefined ? key : null;
}

// Procedure resolvers and middlewares receive `{ ctx }` as their first parameter.
const CONTEXT_CALLBACKS = new Set(['query', 'mutation', 'subscription', 'use', 'middleware']);

/** A procedure builder: `t.procedure`, and what `.use()`, `.input()`, `.output()`, `.meta()` make of it. */
export function isProcedureBuilder(origin: Origin | null): boolean {
  if (origin?.package !== '@trpc/server' || origin.path[0] !== 'initTRPC') return false;
  const at = origin.path.indexOf('procedure');
  if (at === -1) return false;
  const rest = origin.path.slice(at + 1);
  for (let i = 0; i < rest.length; i += 2) {
    if (!BUILDER_STEPS.has(rest[i]!) || rest[i + 1] !== '()') return false;
  }
  return true;
}

const BUILDER_STEPS = new Set(['use', 'input', 'output', 'meta', 'concat', 'unstable_concat']);

/** `unknown`: a client that settings or a tRPC context key name, of no known library. */
export type RedisClientKind = RedisLibrary | 'unknown';

export interface RedisClientOrigin {
  kind: RedisClientKind;
  cluster: boolean;
  /** Inside `pipeline()` or `multi()`: commands are queued, not sent one by one. */
  batched: 'pipeline' | 'multi' | null;
}

/** A Redis client of ioredis, node-redis (v4/v5) or @upstash/redis, possibly a pipeline/multi of one. */
export function recognizeRedisClient(origin: Origin | null): RedisClientOrigin | null {
  if (!origin) return null;
  const { path } = origin;
  let kind: RedisClientKind;
  let rest: string[];
  let cluster = false;
  const library = redisLibraryOf(origin.package);
  if (origin.package === 'settings:redis') {
    kind = 'unknown';
    rest = path;
  } else if (library === 'ioredis') {
    // `new Redis()`, `new Redis.Cluster()`, `new Cluster()`, or a value annotated `Redis` / `Cluster`.
    const typed = path[0] === 'type';
    let steps = typed ? path.slice(1) : path;
    if (steps[0] === 'default' && (steps[1] === 'Cluster' || steps[1] === 'Redis')) steps = steps.slice(1);
    const name = steps[0];
    if (name !== 'default' && name !== 'Redis' && name !== 'Cluster') return null;
    if (!typed && steps[1] !== 'new') return null;
    kind = 'ioredis';
    cluster = name === 'Cluster';
    rest = steps.slice(typed ? 1 : 2);
  } else if (library === 'node-redis') {
    kind = 'node-redis';
    if (path[0] === 'type') {
      if (!/^Redis(Client|Cluster)Type$/.test(path[1] ?? '')) return null;
      cluster = path[1] === 'RedisClusterType';
      rest = path.slice(2);
    } else {
      if (!NODE_REDIS_FACTORIES.has(path[0] ?? '') || path[1] !== '()') return null;
      cluster = path[0] === 'createCluster';
      rest = path.slice(2);
    }
  } else if (library === 'upstash') {
    kind = 'upstash';
    if (path[0] === 'type' && path[1] === 'Redis') rest = path.slice(2);
    else if (path[0] === 'Redis' && path[1] === 'new') rest = path.slice(2);
    else if (path[0] === 'Redis' && path[1] === 'fromEnv' && path[2] === '()') rest = path.slice(3);
    else return null;
  } else {
    return null;
  }
  let batched: RedisClientOrigin['batched'] = null;
  for (let i = 0; i < rest.length; i += 2) {
    const step = rest[i];
    if (rest[i + 1] !== '()') return null;
    if (step === 'pipeline' || step === 'multi') batched = step;
    else if (batched === null && !SAME_CLIENT_CALLS.has(step!)) return null;
  }
  return { kind, cluster, batched };
}
