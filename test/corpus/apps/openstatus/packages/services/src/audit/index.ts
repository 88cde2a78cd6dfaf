export {
  type AuditAction,
  type AuditActionName,
  auditActionSchema,
  type AuditEntityType,
  type AuditEntry,
  auditEntrySchema,
} from "@openstatus/db/src/schema";
export { diffTopLevel, emitAudit } from "./emit";
export { getAuditLog } from "./get";
export {
  type AuditLogListItem,
  type ListAuditLogsResult,
  listAuditLogs,
} from "./list";
export { ListAuditLogsInput } from "./schemas";
