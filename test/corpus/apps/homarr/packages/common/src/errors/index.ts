export * from "./parse";
export * from "./http";
