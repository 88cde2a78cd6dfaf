import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const replica = new Redis(process.env.REDIS_REPLICA_URL ?? "redis://127.0.0.1:6380");

export async function dependent() {
  const id = await redis.get("current");
  const value = await redis.get(`item:${id}`);
  return value;
}

export async function commented(id: string) {
  await redis.incr(`views:${id}`);
  // keep the expiry in sync with the counter
  await redis.expire(`views:${id}`, 3600);
}

export async function twoClients() {
  const a = await redis.get("a");
  const b = await replica.get("b");
  return [a, b];
}

export async function alreadyBatched(ids: string[]) {
  const pipe = redis.pipeline();
  for (const id of ids) pipe.del(id);
  await pipe.exec();
  return redis.mget(ids);
}

export async function collect(ids: string[]) {
  const out = [];
  for (const id of ids) out.push(await redis.get(`item:${id}`));
  return out;
}

export async function computedBetween(id: string) {
  await redis.incr(`views:${id}`);
  const ttl = 60 * 60 * 24;
  await redis.expire(`views:${id}`, ttl);
}
