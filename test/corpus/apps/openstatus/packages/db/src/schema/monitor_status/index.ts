export * from "./monitor_status";
export * from "./validation";
export type * from "./validation";
