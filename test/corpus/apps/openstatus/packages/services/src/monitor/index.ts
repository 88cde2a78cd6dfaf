export { cloneMonitor } from "./clone";
export { createMonitor } from "./create";
export { fetchMonitorDailyStats } from "./get-daily-summary";
export { deleteMonitor, deleteMonitors } from "./delete";
export {
  getMonitorStatus,
  type GetMonitorStatusResult,
  type MonitorRegionStatus,
} from "./get-monitor-status";
export {
  getMonitorSummary,
  type GetMonitorSummaryResult,
} from "./get-monitor-summary";
export { getResponseLog, type ResponseLogDetail } from "./get-response-log";
export { getPrivateLocationIdsByMonitor } from "./private-locations";
export {
  listResponseLogs,
  type ListResponseLogsResult,
  type ResponseLogListItem,
} from "./list-response-logs";
export {
  getMonitor,
  type ListMonitorsResult,
  listMonitors,
  type MonitorListItem,
  type MonitorWithRelations,
} from "./list";
export {
  updateMonitorNotifiers,
  updateMonitorSchedulingRegions,
  updateMonitorTags,
} from "./relations";
export { redactSensitiveHeaders } from "./response-logs-internal";
export {
  type CheckResult,
  type CheckResultError,
  type CheckResultSuccess,
  StreamMonitorPreviewInput,
  streamMonitorPreview,
} from "./stream-monitor-preview";
export { triggerMonitorRun, type TriggerMonitorResult } from "./trigger";
export { assertMonitorUrlSafe } from "./url-safety";
export {
  bulkUpdateMonitors,
  updateMonitorConfig,
  updateMonitorFollowRedirects,
  updateMonitorGeneral,
  updateMonitorOtel,
  updateMonitorPublic,
  updateMonitorResponseTime,
  updateMonitorRetry,
} from "./update";

export {
  BulkUpdateMonitorsInput,
  CloneMonitorInput,
  CreateMonitorInput,
  DeleteMonitorInput,
  DeleteMonitorsInput,
  GetMonitorInput,
  GetMonitorStatusInput,
  GetMonitorSummaryInput,
  GetPrivateLocationIdsByMonitorInput,
  GetResponseLogInput,
  ListMonitorsInput,
  ListResponseLogsInput,
  monitorJobTypes,
  monitorMethods,
  monitorPeriodicity,
  type MonitorTimeRange,
  monitorTimeRange,
  TriggerMonitorInput,
  UpdateMonitorConfigInput,
  UpdateMonitorFollowRedirectsInput,
  UpdateMonitorGeneralInput,
  UpdateMonitorNotifiersInput,
  UpdateMonitorOtelInput,
  UpdateMonitorPublicInput,
  UpdateMonitorResponseTimeInput,
  UpdateMonitorRetryInput,
  UpdateMonitorSchedulingRegionsInput,
  UpdateMonitorTagsInput,
} from "./schemas";
