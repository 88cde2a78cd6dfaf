export * from "./constants";
export * from "./external_service";
export * from "./external_service_component";
export * from "./external_service_incident";
export * from "./external_service_report";
export * from "./validation";
