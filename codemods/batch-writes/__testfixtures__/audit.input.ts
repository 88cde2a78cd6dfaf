// The module the callers import the helper through.
export { recordEvent } from "./audit-log.js";
