export * from "./api_key";
export * from "./constants";
export * from "./validation";
