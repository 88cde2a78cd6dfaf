export * from "./dictionary";
export * from "./types";
export * from "./serializing";
export * from "./v1";
export * from "./type-guards";
