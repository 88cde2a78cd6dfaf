export * from "./generate";
