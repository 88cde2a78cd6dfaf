export * from "./audit_log";
export * from "./validation";
