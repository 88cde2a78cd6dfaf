import { Redis } from "@upstash/redis";

const redis = new Redis({
  url: process.env.UPSTASH_REDIS_REST_URL ?? "http://127.0.0.1:8079",
  token: process.env.UPSTASH_REDIS_REST_TOKEN ?? "",
});

export async function badge(userId: number) {
  const unread = await redis.get<number>(`unread:${userId}`);
  const seen = await redis.get<string>(`seen:${userId}`);
  return { unread: Number(unread ?? 0), seen };
}

export async function touch(id: string) {
  await redis.incr(`views:${id}`);
  const owner = await redis.hget<string>(`post:${id}`, "owner");
  return owner;
}

export async function readSessions(tokenIds: string[]) {
  return Promise.all(tokenIds.map((id) => redis.get<string>(`session:${id}`)));
}

export async function cacheUsers(users: Array<{ id: number; json: string }>) {
  for (const user of users) await redis.set(`user:${user.id}`, user.json, { ex: 60 });
}
