export * from "./status_reports";
export * from "./validation";
export type * from "./validation";
