export * from "./chat_session";
export * from "./constants";
export * from "./validation";
