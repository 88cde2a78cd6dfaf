import { Redis } from "@upstash/redis";

const redis = new Redis({
  url: process.env.UPSTASH_REDIS_REST_URL ?? "http://127.0.0.1:8079",
  token: process.env.UPSTASH_REDIS_REST_TOKEN ?? "",
});

export async function badge(userId: number) {
  const [unread, seen] = await upstashPipelineResults(redis.pipeline().get<number>(`unread:${userId}`).get<string>(`seen:${userId}`).exec());
  return { unread: Number(unread ?? 0), seen };
}

export async function touch(id: string) {
  const [, owner] = await upstashPipelineResults(redis.pipeline().incr(`views:${id}`).hget<string>(`post:${id}`, "owner").exec());
  return owner;
}

export async function readSessions(tokenIds: string[]) {
  return (tokenIds.length > 0 ? redis.mget<(string | null)[]>(tokenIds.map((id) => `session:${id}`)) : Promise.resolve([]));
}

export async function cacheUsers(users: Array<{ id: number; json: string }>) {
  {
    const redisBatch = redis.pipeline();
    for (const user of users) redisBatch.set(`user:${user.id}`, user.json, { ex: 60 });
    await upstashPipelineResults(redisBatch.length() > 0 ? redisBatch.exec() : Promise.resolve([]));
  }
}

/** Added by `hotpath codemod redis-pipeline`: the replies of an Upstash pipeline, throwing a failed command's error as the command alone did. */
async function upstashPipelineResults<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replace(/^Command \d+ \[ [^\]]+ \] failed: /, "Command failed: ");
    throw error;
  }
}
