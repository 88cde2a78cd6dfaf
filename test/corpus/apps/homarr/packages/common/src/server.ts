export * from "./security";
export * from "./encryption";
export * from "./request";
export * from "./errors";
