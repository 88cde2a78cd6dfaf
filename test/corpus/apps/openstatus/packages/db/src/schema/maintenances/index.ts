export * from "./maintenance";
export * from "./validation";
