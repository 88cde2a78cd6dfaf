export * from "./auth";
export * from "./require-scope";
export * from "./track";
export * from "./plan";
