export * from "./constants";
export * from "./monitor";
export * from "./validation";
export type * from "./validation";
