import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

export async function readSessions(tokenIds: string[]) {
  return (tokenIds.length > 0 ? redis.mget(tokenIds.map((id) => `session:${id}`)) : Promise.resolve([]));
}

export async function cacheUsers(users: Array<{ id: number; json: string }>) {
  {
    const redisBatch = redis.pipeline();
    for (const user of users) redisBatch.set(`user:${user.id}`, user.json, "EX", 300);
    await redisPipelineResults(redisBatch.exec());
  }
}

export async function countViews(postIds: number[]) {
  {
    const redisBatch = redis.pipeline();
    for (const id of postIds) redisBatch.incr(`views:${id}`);
    await redisPipelineResults(redisBatch.exec());
  }
}

/** Added by `hotpath codemod redis-pipeline`: the replies of an ioredis pipeline, throwing its first error as the separate commands did. */
async function redisPipelineResults(pending: Promise<Array<[Error | null, unknown]> | null>): Promise<unknown[]> {
  const results = await pending;
  if (!results) throw new Error("the Redis pipeline was discarded");
  for (const [error] of results) if (error) throw error;
  return results.map(([, reply]) => reply);
}
