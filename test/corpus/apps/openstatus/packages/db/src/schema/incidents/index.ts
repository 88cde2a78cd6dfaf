export * from "./incident";
export * from "./validation";
