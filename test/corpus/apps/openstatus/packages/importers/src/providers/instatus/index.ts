export { createInstatusClient } from "./client";
export type { InstatusClient } from "./client";
export type {
  InstatusComponent,
  InstatusIncident,
  InstatusIncidentUpdate,
  InstatusMaintenance,
  InstatusMaintenanceUpdate,
  InstatusPage,
  InstatusSubscriber,
} from "./api-types";
export {
  InstatusComponentSchema,
  InstatusIncidentSchema,
  InstatusIncidentUpdateSchema,
  InstatusMaintenanceSchema,
  InstatusMaintenanceUpdateSchema,
  InstatusPageSchema,
  InstatusSubscriberSchema,
} from "./api-types";
export { createInstatusProvider } from "./provider";
export type { InstatusImportConfig } from "./provider";
