export { createBetterstackClient } from "./client";
export type { BetterstackClient } from "./client";
export type {
  BetterstackIncident,
  BetterstackMonitor,
  BetterstackMonitorGroup,
  BetterstackStatusPage,
  BetterstackStatusPageResource,
  BetterstackStatusPageSection,
  BetterstackStatusReport,
  BetterstackStatusUpdate,
} from "./api-types";
export {
  BetterstackIncidentSchema,
  BetterstackMonitorGroupSchema,
  BetterstackMonitorSchema,
  BetterstackStatusPageResourceSchema,
  BetterstackStatusPageSchema,
  BetterstackStatusPageSectionSchema,
  BetterstackStatusReportSchema,
  BetterstackStatusUpdateSchema,
} from "./api-types";
export { createBetterstackProvider } from "./provider";
export type { BetterstackImportConfig } from "./provider";
