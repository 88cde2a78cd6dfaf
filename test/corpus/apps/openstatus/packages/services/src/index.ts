export {
  type Actor,
  type DB,
  type DrizzleClient,
  type DrizzleTx,
  type ServiceContext,
  defaultTb,
  extractActorId,
  isTx,
  tryGetActorUserId,
  withTransaction,
} from "./context";

export {
  isRetryableDbError,
  isTransientServerError,
  retryRead,
  withBusyRetry,
} from "./retry";

export {
  ConflictError,
  ForbiddenError,
  InternalServiceError,
  LimitExceededError,
  NotFoundError,
  PreconditionFailedError,
  ServiceError,
  type ServiceErrorCode,
  UnauthorizedError,
  ValidationError,
} from "./errors";

export {
  type AuditAction,
  type AuditActionName,
  auditActionSchema,
  type AuditEntityType,
  type AuditEntry,
  auditEntrySchema,
  diffTopLevel,
  emitAudit,
} from "./audit";

export { matchesScope, requireScope } from "./auth";

export {
  LIMIT_KEYS,
  assertWithinLimit,
  getPlanLimits,
  type LimitKey,
} from "./limits";

export * from "./types";
