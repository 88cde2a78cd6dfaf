export * from "./check";
export * from "./constants";
