export { loadAllPlugins } from "./plugins";
export { QuotaService, StorageQuotaError } from "./services/quotaService";
export * from "./queues";
export * from "./eventLogger";
export * from "./tracing";
export * from "./eventLogTypes";
