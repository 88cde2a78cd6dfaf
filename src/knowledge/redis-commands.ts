/** Redis commands the rules reason about, by lower-case name (ioredis and Upstash use it; node-redis's
 * camelCase `hGetAll` lower-cases to it too). */

export type RedisCommandKind = 'read' | 'write' | 'blocking' | 'pubsub' | 'transaction' | 'scan' | 'script' | 'admin';

/** Which arguments are keys: the first, all of them, every other one (`MSET k v k v`), or none. */
export type KeySpec = 'first' | 'all' | 'pairs' | 'none';

export interface RedisCommandInfo {
  name: string;
  kind: RedisCommandKind;
  keys: KeySpec;
}

const TABLE: Record<RedisCommandKind, Partial<Record<KeySpec, string>>> = {
  read: {
    first:
      'get getrange strlen getbit bitcount hget hgetall hmget hexists hlen hkeys hvals hstrlen hrandfield lrange llen lindex lpos smembers sismember smismember scard srandmember zrange zrevrange zrangebyscore zrevrangebyscore zrangebylex zscore zmscore zcard zcount zlexcount zrank zrevrank ttl pttl expiretime type dump xrange xrevrange xlen xinfo xpending geopos geodist geohash geosearch georadius',
    all: 'mget exists pfcount sinter sunion sdiff',
    // Reads of the keyspace: slow on a large one, but a pipeline carries them like any read.
    none: 'keys dbsize',
  },
  write: {
    first:
      'set setex psetex setnx setrange getset getdel getex append incr incrby incrbyfloat decr decrby expire pexpire expireat pexpireat persist hset hsetnx hmset hdel hincrby hincrbyfloat lpush rpush lpushx rpushx lpop rpop lrem lset ltrim linsert lmove sadd srem spop smove zadd zrem zincrby zpopmin zpopmax zremrangebyscore zremrangebyrank zremrangebylex xadd xtrim xack xdel xgroup xclaim xautoclaim pfadd setbit geoadd rename renamenx copy restore',
    all: 'del unlink touch pfmerge sinterstore sunionstore sdiffstore zunionstore zinterstore',
    pairs: 'mset msetnx',
  },
  blocking: { first: 'blpop brpop brpoplpush blmove blmpop bzpopmin bzpopmax bzmpop', none: 'wait waitaof' },
  pubsub: { none: 'subscribe psubscribe ssubscribe unsubscribe punsubscribe sunsubscribe publish spublish' },
  transaction: { none: 'watch unwatch multi exec discard' },
  scan: { first: 'sscan hscan zscan', none: 'scan' },
  script: { none: 'eval evalsha eval_ro evalsha_ro fcall fcall_ro' },
  admin: { none: 'flushdb flushall info ping select config client quit' },
};

// XREAD and XREADGROUP block only with a BLOCK argument; the rule checks it.
const STREAM_READS = 'xread xreadgroup';

const REDIS_COMMANDS: ReadonlyMap<string, RedisCommandInfo> = new Map(
  [
    ...Object.entries(TABLE).flatMap(([kind, specs]) =>
      Object.entries(specs).flatMap(([keys, names]) =>
        names.split(' ').map((name) => ({ name, kind: kind as RedisCommandKind, keys: keys as KeySpec })),
      ),
    ),
    ...STREAM_READS.split(' ').map((name) => ({ name, kind: 'read' as const, keys: 'none' as const })),
  ].map((info) => [info.name, info]),
);

/** The command a client method sends: `hGetAll` → `hgetall`. */
export function commandOfMethod(method: string): RedisCommandInfo | undefined {
  return REDIS_COMMANDS.get(method.toLowerCase());
}

/**
 * What ioredis resolves each command to (its typings, v5–v6), for unpacking pipeline replies into typed
 * variables. A command missing here is not rewritten into a pipeline whose reply someone reads.
 */
export const IOREDIS_REPLY_TYPES: ReadonlyMap<string, string> = new Map([
  ...'get getdel getex getset hget lpop rpop lindex lmove zscore srandmember spop getrange'.split(' ').map((c) => [c, 'string | null'] as const),
  ...'incr incrby decr decrby del unlink exists expire pexpire expireat persist hset hsetnx hdel hincrby hlen lpush rpush lpushx rpushx llen lrem sadd srem scard sismember zadd zrem zcard zcount zincrby ttl pttl strlen append setnx touch pfadd pfcount setrange dbsize'
    .split(' ')
    .map((c) => [c, 'number'] as const),
  ...'smembers zrange zrevrange lrange hkeys hvals sinter sunion sdiff keys'.split(' ').map((c) => [c, 'string[]'] as const),
  ['mget', '(string | null)[]'],
  ['hmget', '(string | null)[]'],
  ['hgetall', 'Record<string, string>'],
  ['set', '"OK" | null'],
  ['setex', '"OK"'],
  ['psetex', '"OK"'],
  ['mset', '"OK"'],
  ['type', 'string'],
  ['incrbyfloat', 'string'],
  ['hincrbyfloat', 'string'],
]);
