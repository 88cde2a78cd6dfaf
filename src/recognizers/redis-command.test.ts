import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { recognizeRedisCommand } from './redis-command.js';

const commands = (code: string, mode: Mode, settings?: Record<string, unknown>) =>
  probe(
    code,
    mode,
    {
      on: 'CallExpression',
      run(node, file) {
        const c = recognizeRedisCommand(node as TSESTree.CallExpression, file);
        if (!c) return null;
        const keys = c.keys.map((k) => file.context.sourceCode.getText(k)).join(',');
        return [c.client, c.command.name, c.command.kind, keys, c.cluster && 'cluster', c.batched]
          .filter(Boolean)
          .join(' ');
      },
    },
    { settings },
  );

describe.for(MODES)('recognizeRedisCommand (%s)', (mode) => {
  it('recognizes ioredis clients, clusters and pipelines', () => {
    const code = dedent`
      import Redis, { Cluster } from "ioredis";
      import { redis } from "./lib/redis.js";
      const local = new Redis();
      const cluster = new Cluster([{ host: "127.0.0.1", port: 7000 }]);
      export async function f(key: string) {
        await redis.get(key);
        await local.hgetall("user:1");
        await cluster.mget("a", "b");
        const pipe = redis.pipeline();
        pipe.set(key, "1", "EX", 60);
        await redis.multi().incr("n").exec();
        await redis.blpop("queue", 0);
      }
    `;
    expect(commands(code, mode)).toEqual([
      '6: ioredis get read key',
      '7: ioredis hgetall read "user:1"',
      '8: ioredis mget read "a","b" cluster',
      '10: ioredis set write key pipeline',
      '11: ioredis exec transaction multi',
      '11: ioredis incr write "n" multi',
      '11: ioredis multi transaction',
      '12: ioredis blpop blocking "queue"',
    ]);
  });

  it('recognizes node-redis v4/v5 and Upstash clients', () => {
    const code = dedent`
      import { createClient } from "redis";
      import { Redis } from "@upstash/redis";
      const client = await createClient({ url: "redis://localhost" }).on("error", console.error).connect();
      const upstash = Redis.fromEnv();
      export async function f(id: string) {
        await client.hGetAll(id);
        await client.mSet({ a: "1", b: "2" });
        await upstash.zadd("scores", { score: 1, member: id });
        await client.subscribe("news", () => {});
      }
    `;
    expect(commands(code, mode)).toEqual([
      '6: node-redis hgetall read id',
      '7: node-redis mset write { a: "1", b: "2" }',
      '8: upstash zadd write "scores"',
      '9: node-redis subscribe pubsub',
    ]);
  });

  it('follows the tRPC context and annotated parameters', () => {
    const code = dedent`
      import type { Redis } from "ioredis";
      import { publicProcedure } from "./lib/trpc.js";
      export async function warm(cache: Redis, key: string) {
        return cache.get(key);
      }
      export const p = publicProcedure.query(({ ctx }) => ctx.redis.get("k"));
    `;
    const expected = mode === 'typed' ? '6: ioredis get read "k"' : '6: unknown get read "k"';
    expect(commands(code, mode)).toEqual(['4: ioredis get read key', expected]);
  });

  it('is silent on get/set of other things', () => {
    const code = dedent`
      const cache = new Map<string, string>();
      const params = new URLSearchParams("a=1");
      const lru = { get: (_k: string) => undefined, set: (_k: string, _v: string) => undefined };
      export async function f(req: Request) {
        cache.get("a");
        cache.set("a", "b");
        params.get("a");
        req.headers.get("x");
        lru.get("a");
        await fetch("/").then((r) => r.headers.get("etag"));
      }
    `;
    expect(commands(code, mode)).toEqual([]);
  });

  it('accepts clients named in settings', () => {
    const code = dedent`
      declare const kv: any;
      export const v = () => kv.get("a");
    `;
    expect(commands(code, mode, { hotpath: { redis: { names: ['kv'] } } })).toEqual(['2: unknown get read "a"']);
  });
});
