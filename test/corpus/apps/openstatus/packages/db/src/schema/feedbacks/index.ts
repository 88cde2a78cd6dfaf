export * from "./constants";
export * from "./feedback";
export * from "./validation";
