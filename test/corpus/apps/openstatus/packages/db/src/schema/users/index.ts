export * from "./user";
export * from "./validation";
