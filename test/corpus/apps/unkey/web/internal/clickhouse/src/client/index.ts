export * from "./client";
export * from "./noop";
export * from "./interface";
