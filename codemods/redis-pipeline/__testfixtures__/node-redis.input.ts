import { createClient } from "redis";

const redis = await createClient({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }).connect();

export async function badge(userId: number) {
  const unread = await redis.get(`unread:${userId}`);
  const seen = await redis.get(`seen:${userId}`);
  return { unread: Number(unread ?? 0), seen };
}

export async function touch(id: string) {
  await redis.incr(`views:${id}`);
  const owner = await redis.hGet(`post:${id}`, "owner");
  return owner;
}

export async function readSessions(tokenIds: string[]) {
  return Promise.all(tokenIds.map((id) => redis.get(`session:${id}`)));
}

export async function countViews(postIds: number[]) {
  for (const id of postIds) await redis.incr(`views:${id}`);
}
