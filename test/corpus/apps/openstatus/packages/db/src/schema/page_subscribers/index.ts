export * from "./page_subscribers";
export * from "./page_subscriber_to_page_component";
export * from "./validation";
export type * from "./validation";
