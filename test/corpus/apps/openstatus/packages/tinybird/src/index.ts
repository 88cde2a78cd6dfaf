export * from "./client";
export * from "./safe";
export * from "./audit-log";
export * from "@chronark/zod-bird";
