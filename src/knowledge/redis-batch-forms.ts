import type { RedisCommandKind } from './redis-commands.js';

/** How a Redis client library batches commands, by method name: what the rule advises and the codemod writes. */
export interface RedisBatchForm {
  /** Opens a batch on the client: `redis.pipeline()`. */
  open: string;
  /** Sends the queued commands in one round trip: `batch.exec()`. */
  send: string;
  mget: string;
  mset: string;
}

// node-redis' multi() is a MULTI/EXEC transaction when sent with exec(); execAsPipeline() sends it as a pipeline.
const NODE_REDIS: RedisBatchForm = { open: 'multi', send: 'execAsPipeline', mget: 'mGet', mset: 'mSet' };
const PIPELINE: RedisBatchForm = { open: 'pipeline', send: 'exec', mget: 'mget', mset: 'mset' };

export const REDIS_BATCH_FORMS = { ioredis: PIPELINE, 'node-redis': NODE_REDIS, upstash: PIPELINE } as const satisfies Record<string, RedisBatchForm>;


/** Kinds of commands that a pipeline can carry without changing what the code means. */
export const BATCHABLE: ReadonlySet<RedisCommandKind> = new Set(['read', 'write']);
