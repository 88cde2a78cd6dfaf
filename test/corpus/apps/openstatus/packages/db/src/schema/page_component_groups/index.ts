export * from "./page_component_groups";
export * from "./validation";
