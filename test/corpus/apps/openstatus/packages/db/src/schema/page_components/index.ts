export * from "./page_components";
export * from "./validation";
export * from "./constants";
