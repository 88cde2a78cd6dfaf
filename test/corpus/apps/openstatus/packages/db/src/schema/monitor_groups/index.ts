export * from "./monitor_group";
export * from "./validation";
