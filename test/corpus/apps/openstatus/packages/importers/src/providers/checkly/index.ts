export type {
  ChecklyCard,
  ChecklyCheck,
  ChecklyIncident,
  ChecklyIncidentUpdate,
  ChecklyMaintenanceWindow,
  ChecklyRequest,
  ChecklyService,
  ChecklyStatusPage,
} from "./api-types";
export {
  ChecklyCardSchema,
  ChecklyCheckSchema,
  ChecklyIncidentSchema,
  ChecklyIncidentUpdateSchema,
  ChecklyMaintenanceWindowSchema,
  ChecklyRequestSchema,
  ChecklyServiceSchema,
  ChecklyStatusPageSchema,
} from "./api-types";
export type { ChecklyClient } from "./client";
export { createChecklyClient } from "./client";
export type { ChecklyImportConfig } from "./provider";
export { createChecklyProvider } from "./provider";
