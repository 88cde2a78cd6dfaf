export { hasQueryAccessToIntegrationsAsync } from "./permissions/integration-query-permissions";
export { getIntegrationsWithPermissionsAsync } from "./permissions/integrations-with-permissions";
export {
  isProviderEnabled,
  isGroupMembershipManagedLocally,
  getLocallyManageableProviders,
  getGroupMemberManagementType,
  canManageGroupMembersLocally,
} from "./providers/check-provider";
export type { GroupMemberManagementType } from "./providers/check-provider";
export { createSessionCallback, createSessionAsync } from "./callbacks";
