// npm run bench:redis: 100 keys read and written per item vs as the redis-pipeline codemod rewrites them,
// against a real redis-server on loopback, interleaved over several rounds; prints medians and the ratio.
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { Redis as Upstash } from '@upstash/redis';
import { startRedisServer } from './redis-server.js';
import { startUpstashRest } from './upstash-rest.js';
import { median, spread } from './stats.js';

const KEYS = Array.from({ length: 100 }, (_, i) => `bench:${i}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const server = await startRedisServer();
const redis = new Redis(server.url, { retryStrategy: (t) => (t > 50 ? null : 100) });
redis.on('error', () => {});
await redis.ping();

// The same work, before and after the codemod (see codemods/redis-pipeline/__testfixtures__/per-item.*).
const perItem = {
  read: () => Promise.all(KEYS.map((k) => redis.get(k))),
  write: async () => {
    for (const k of KEYS) await redis.set(k, 'v', 'EX', 60);
  },
};
const batched = {
  read: () => redis.mget(KEYS),
  write: async () => {
    const batch = redis.pipeline();
    for (const k of KEYS) batch.set(k, 'v', 'EX', 60);
    const results = await batch.exec();
    for (const [error] of results ?? []) if (error) throw error;
  },
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

// @upstash/redis over its REST protocol (a local front to the same server): a round trip is an HTTP request.
const rest = await startUpstashRest(server.port);
const upstash = new Upstash({ url: rest.url, token: rest.token });
const upstashPerItem = {
  read: () => Promise.all(KEYS.map((k) => upstash.get<string>(k))),
  write: async () => {
    for (const k of KEYS) await upstash.set(k, 'v', { ex: 60 });
  },
};
const upstashBatched = {
  read: () => upstash.mget<(string | null)[]>(KEYS),
  write: async () => {
    const batch = upstash.pipeline();
    for (const k of KEYS) batch.set(k, 'v', { ex: 60 });
    await batch.exec();
  },
};

for (const [client, before, after] of [
  ['ioredis', perItem, batched],
  ['@upstash/redis', upstashPerItem, upstashBatched],
] as const) {
  for (const op of ['read', 'write'] as const) await compare(client, op, before[op], after[op]);
}

async function compare(client: string, op: string, perItemOp: () => Promise<unknown>, batchedOp: () => Promise<unknown>) {
  await perItemOp();
  await batchedOp(); // warm up connection and server
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(await time(perItemOp));
    b.push(await time(batchedOp));
  }
  const ratios = a.map((t, i) => t / b[i]!);
  console.log(
    `${client} ${op} 100 keys: per item ${median(a).toFixed(2)} ms (${spread(a)}), rewritten ${median(b).toFixed(2)} ms (${spread(b)}): ${median(ratios).toFixed(1)}× faster (${spread(ratios)})`,
  );
}
await rest.close();
redis.disconnect();
server.stop();
