import {
  MONITOR_JOB_TYPES,
  MONITOR_METHODS,
  MONITOR_STATUSES,
} from "@openstatus/utils";

export const monitorMethods = MONITOR_METHODS;
export const monitorStatus = MONITOR_STATUSES;
export const monitorJobTypes = MONITOR_JOB_TYPES;
