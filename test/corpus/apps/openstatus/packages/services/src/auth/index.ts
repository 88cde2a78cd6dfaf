export { matchesScope } from "./matches-scope";
export { requireScope } from "./require-scope";
