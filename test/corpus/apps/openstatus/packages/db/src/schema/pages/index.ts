export * from "./page";
export * from "./validation";
export type * from "./validation";
export * from "./constants";
