export * from "./constants";
export * from "./notification";
export * from "./validation";
export type * from "./validation";
