import { Redis } from "@upstash/redis";

// TO BE TESTED
export const redis = Redis.fromEnv();
