export { createStatuspageClient } from "./client";
export type { StatuspageClient } from "./client";
export type {
  StatuspageComponent,
  StatuspageGroupComponent,
  StatuspageIncident,
  StatuspageIncidentUpdate,
  StatuspagePage,
  StatuspageSubscriber,
} from "./api-types";
export {
  StatuspageComponentSchema,
  StatuspageGroupComponentSchema,
  StatuspageIncidentSchema,
  StatuspageIncidentUpdateSchema,
  StatuspagePageSchema,
  StatuspageSubscriberSchema,
} from "./api-types";
export { createStatuspageProvider } from "./provider";
export type { StatuspageImportConfig } from "./provider";
