// The module the callers import the helper through.
export { recordEvent, recordEventRows, insertRecordEventRows } from "./audit-log.js";
