// Types
export type {
  NotificationContext,
  FormattedMessageData,
  NotificationType,
} from "./types";

// Utilities
export { formatDuration, calculateDuration } from "./utils/duration";
export { formatTimestamp } from "./utils/timestamp";
export { getIncidentDuration } from "./utils/incident";
export { formatStatusCode, buildCommonMessageData } from "./utils/message";
export { COLORS, COLOR_DECIMALS } from "./utils/colors";
