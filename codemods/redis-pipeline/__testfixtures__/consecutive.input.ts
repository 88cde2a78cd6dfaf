import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

export async function readCachedFeed(userId: number, cursor: string | null) {
  const page = await redis.get(`feed:${userId}:${cursor ?? "head"}`);
  const version = await redis.get(`feed:${userId}:version`);
  return page && version ? { version, items: JSON.parse(page) as unknown[] } : null;
}

export async function touch(id: string) {
  await redis.incr(`views:${id}`);
  const ttl = await redis.ttl(`views:${id}`);
  const owner = await redis.hget(`post:${id}`, "owner");
  return { ttl, owner };
}

export async function forget(id: string) {
  await redis.del(`views:${id}`);
  await redis.del(`post:${id}`);
}
