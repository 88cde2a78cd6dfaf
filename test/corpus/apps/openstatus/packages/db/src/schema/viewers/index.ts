export * from "./viewer";
export * from "./validation";
