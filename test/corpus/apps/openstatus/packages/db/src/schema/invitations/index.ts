export * from "./invitation";
export * from "./validation";
