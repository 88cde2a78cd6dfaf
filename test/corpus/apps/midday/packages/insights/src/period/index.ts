/**
 * Period module - date and period utilities
 */
export {
  calculateNextInsightTime,
  DEFAULT_INSIGHT_HOUR,
  formatDateForQuery,
  formatDateForStorage,
  getCurrentPeriod,
  getInitialInsightSchedule,
  getPeriodInfo,
  getPeriodLabel,
  getPreviousCompletePeriod,
  getPreviousPeriod,
} from "./utils";
