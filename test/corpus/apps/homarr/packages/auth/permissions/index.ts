export * from "./board-permissions";
export * from "./integration-permissions";
