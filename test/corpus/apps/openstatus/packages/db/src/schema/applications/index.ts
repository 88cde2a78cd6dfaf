export * from "./application";
export * from "./validation";
