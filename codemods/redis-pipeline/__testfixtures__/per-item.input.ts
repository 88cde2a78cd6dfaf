import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

export async function readSessions(tokenIds: string[]) {
  return Promise.all(tokenIds.map((id) => redis.get(`session:${id}`)));
}

export async function cacheUsers(users: Array<{ id: number; json: string }>) {
  for (const user of users) {
    await redis.set(`user:${user.id}`, user.json, "EX", 300);
  }
}

export async function countViews(postIds: number[]) {
  for (const id of postIds) await redis.incr(`views:${id}`);
}
