export { createPageComponent } from "./create";
export { deletePageComponent } from "./delete";
export { updatePageComponent } from "./update";
export {
  type ComponentDayBucket,
  type ComponentEventSummary,
  getPageComponentDailySummary,
  type GetPageComponentDailySummaryResult,
  type PageComponentDailySummary,
} from "./get-daily-summary";
export { listPageComponents, type PageComponentWithRelations } from "./list";
export { updatePageComponentOrder } from "./update-order";

export {
  CreatePageComponentInput,
  DeletePageComponentInput,
  GetPageComponentDailySummaryInput,
  ListPageComponentsInput,
  UpdatePageComponentInput,
  UpdatePageComponentOrderInput,
} from "./schemas";
