export * from "./monitor_tag";
export * from "./validation";
