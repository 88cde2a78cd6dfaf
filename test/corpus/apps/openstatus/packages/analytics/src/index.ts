export * from "./events";
export * from "./server";
export * from "./utils";
