export * from "./constants";
export * from "./workspace";
export * from "./sso_domain";
export * from "./validation";
export type * from "./validation";
