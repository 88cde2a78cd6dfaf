export * from "./utils";
export * from "./openapi-error-responses";
