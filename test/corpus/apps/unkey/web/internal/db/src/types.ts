import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import type * as schema from "./schema";

export type Key = InferSelectModel<typeof schema.keys>;
export type InsertKey = InferInsertModel<typeof schema.keys>;

export type Api = InferSelectModel<typeof schema.apis>;
export type InsertApi = InferInsertModel<typeof schema.apis>;

export type Workspace = InferSelectModel<typeof schema.workspaces>;
export type InsertWorkspace = InferInsertModel<typeof schema.workspaces>;

export type KeyAuth = InferSelectModel<typeof schema.keyAuth>;
export type InsertKeyAuth = InferInsertModel<typeof schema.keyAuth>;

export type Permission = InferSelectModel<typeof schema.permissions>;
export type InsertPermission = InferInsertModel<typeof schema.permissions>;

export type Role = InferSelectModel<typeof schema.roles>;
export type InsertRole = InferInsertModel<typeof schema.roles>;

export type RatelimitOverride = InferSelectModel<typeof schema.ratelimitOverrides>;
export type InsertRatelimitOverride = InferInsertModel<typeof schema.ratelimitOverrides>;

export type RatelimitNamespace = InferSelectModel<typeof schema.ratelimitNamespaces>;
export type InsertRatelimitNamespace = InferInsertModel<typeof schema.ratelimitNamespaces>;

export type EncryptedKey = InferSelectModel<typeof schema.encryptedKeys>;
export type InsertEncryptedKey = InferInsertModel<typeof schema.encryptedKeys>;

export type KeyRole = InferSelectModel<typeof schema.keysRoles>;
export type InsertKeyRole = InferInsertModel<typeof schema.keysRoles>;

export type KeyPermission = InferSelectModel<typeof schema.keysPermissions>;
export type InsertKeyPermission = InferInsertModel<typeof schema.keysPermissions>;

export type Ratelimit = InferSelectModel<typeof schema.ratelimits>;
export type InsertRatelimit = InferInsertModel<typeof schema.ratelimits>;

export type Identity = InferSelectModel<typeof schema.identities>;
export type InsertIdentity = InferInsertModel<typeof schema.identities>;

export type Limits = InferSelectModel<typeof schema.limits>;
export type InsertLimits = InferInsertModel<typeof schema.limits>;

export type Instance = InferSelectModel<typeof schema.instances>;
export type InsertInstance = InferInsertModel<typeof schema.instances>;
