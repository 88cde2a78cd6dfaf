export * from "./monitor_run";
