export * from "./frozen_monitor_uptime";
export * from "./validation";
