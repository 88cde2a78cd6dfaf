export * from "./src/icons-fetcher";
export * from "./src/types";
export * from "./src/auto-icon-searcher";
