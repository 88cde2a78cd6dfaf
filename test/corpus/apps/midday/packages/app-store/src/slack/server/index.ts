export * from "./app-home";
export * from "./client";
export * from "./events/file-share";
export * from "./notifications/invoices";
export * from "./notifications/match";
export * from "./notifications/transactions";
export * from "./oauth";
export * from "./verify";
