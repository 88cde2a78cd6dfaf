import { createClient } from "redis";

const redis = await createClient({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }).connect();

export async function badge(userId: number) {
  const [unread, seen] = (await redisBatchResults(redis.multi().get(`unread:${userId}`).get(`seen:${userId}`).execAsPipeline())) as [string | null, string | null];
  return { unread: Number(unread ?? 0), seen };
}

export async function touch(id: string) {
  const [, owner] = (await redisBatchResults(redis.multi().incr(`views:${id}`).hGet(`post:${id}`, "owner").execAsPipeline())) as [unknown, string | null];
  return owner;
}

export async function readSessions(tokenIds: string[]) {
  return (tokenIds.length > 0 ? redis.mGet(tokenIds.map((id) => `session:${id}`)) : Promise.resolve([]));
}

export async function countViews(postIds: number[]) {
  {
    const redisBatch = redis.multi();
    for (const id of postIds) redisBatch.incr(`views:${id}`);
    await redisBatchResults(redisBatch.execAsPipeline());
  }
}

/** Added by `hotpath codemod redis-pipeline`: the replies of a node-redis pipeline, throwing its first failed command's error as the separate commands did. */
async function redisBatchResults(pending: Promise<unknown[]>): Promise<unknown[]> {
  try {
    return await pending;
  } catch (error) {
    const failed = error as { replies?: unknown[]; errorIndexes?: number[] };
    const first = failed.errorIndexes?.[0];
    throw first !== undefined && failed.replies ? failed.replies[first] : error;
  }
}
