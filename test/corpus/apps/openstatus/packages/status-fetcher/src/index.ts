export * from "./types";
export * from "./utils";
export { FetchError } from "./fetch";
export type { FetchErrorKind } from "./fetch";
export * from "./detect";
export { fetchers } from "./fetchers";
export {
  atlassianIncidentSchema,
  atlassianIncidentsResponseSchema,
  fetchAtlassianCompatibleIncidents,
} from "./incidents";
export type { AtlassianIncident } from "./incidents";
export {
  atlassianComponentSchema,
  atlassianComponentsResponseSchema,
  fetchAtlassianCompatibleComponents,
} from "./components";
export type { AtlassianComponent } from "./components";
export type { DirectoryEntry } from "./data/index";
