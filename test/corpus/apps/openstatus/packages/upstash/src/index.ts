export * from "./redis/client";
export * from "@upstash/redis";
