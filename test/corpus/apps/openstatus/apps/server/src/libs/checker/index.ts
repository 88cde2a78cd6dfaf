export * from "./utils";
