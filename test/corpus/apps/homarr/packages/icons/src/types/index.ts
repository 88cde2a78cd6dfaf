export * from "./icon-repository-license";
export * from "./repository-icon-group";
export * from "./repository-icon";
