export * from "./private_location_monitor_status";
export * from "./private_locations";
export * from "./validation";
