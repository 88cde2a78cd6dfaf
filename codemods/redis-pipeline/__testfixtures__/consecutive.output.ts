import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

export async function readCachedFeed(userId: number, cursor: string | null) {
  const [page, version] = (await redisPipelineResults(redis.pipeline().get(`feed:${userId}:${cursor ?? "head"}`).get(`feed:${userId}:version`).exec())) as [string | null, string | null];
  return page && version ? { version, items: JSON.parse(page) as unknown[] } : null;
}

export async function touch(id: string) {
  const [, ttl, owner] = (await redisPipelineResults(redis.pipeline().incr(`views:${id}`).ttl(`views:${id}`).hget(`post:${id}`, "owner").exec())) as [unknown, number, string | null];
  return { ttl, owner };
}

export async function forget(id: string) {
  await redisPipelineResults(redis.pipeline().del(`views:${id}`).del(`post:${id}`).exec());
}

/** Added by `hotpath codemod redis-pipeline`: the replies of an ioredis pipeline, throwing its first error as the separate commands did. */
async function redisPipelineResults(pending: Promise<Array<[Error | null, unknown]> | null>): Promise<unknown[]> {
  const results = await pending;
  if (!results) throw new Error("the Redis pipeline was discarded");
  for (const [error] of results) if (error) throw error;
  return results.map(([, reply]) => reply);
}
