import { relations } from "drizzle-orm";
import {
  bigint,
  boolean,
  datetime,
  index,
  mysqlEnum,
  mysqlTable,
  text,
  tinyint,
  unique,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { identities, ratelimits } from "./identity";
import { keyAuth } from "./keyAuth";
import { keysPermissions, keysRoles } from "./rbac";
import { caseInsensitiveVarchar } from "./util/case_insensitive_varchar";
import { caseSensitiveVarchar } from "./util/case_sensitive_varchar";
import { embeddedEncrypted } from "./util/embedded_encrypted";
import { id } from "./util/id";
import { lifecycleDatesMigration, lifecycleDatesV2 } from "./util/lifecycle_dates";
import { primaryKey } from "./util/primary_key";
import { workspaces } from "./workspaces";

export const keys = mysqlTable(
  "keys",
  {
    pk: primaryKey(),
    id: id("id").notNull().unique(),

    keyAuthId: id("key_auth_id").notNull(),
    hash: caseSensitiveVarchar("hash", { length: 256 }).notNull(),
    start: varchar("start", { length: 256 }).notNull(),

    /**
     * This is the workspace that owns the key.
     */
    workspaceId: id("workspace_id").notNull(),

    /**
     * For internal keys, this is the workspace that the key is for.
     * The owning workspace is an internal one, defined in env.UNKEY_WORKSPACE_ID
     * However in order to filter and display the keys in the UI, we need to know which user/org
     * the key is for.
     *
     * This field is not used for user keys, only for the internal keys that are used to manage the unkey app itself.
     */
    forWorkspaceId: id("for_workspace_id"),
    name: caseInsensitiveVarchar("name", { length: 256 }),
    identityId: id("identity_id"),
    meta: text("meta"),
    expires: datetime("expires", { fsp: 3 }), // unix milli,
    ...lifecycleDatesMigration,

    /**
     * You can refill uses to keys at a desired interval
     *
     * Specify the day on which we should refill.
     * - 1    = we refill on the first of the month
     * - 2    = we refill on the 2nd of the month
     * - 31   = we refill on the 31st or last available day
     * - null = we refill on every day
     */
    refillDay: tinyint("refill_day"),
    refillAmount: bigint("refill_amount", { mode: "number", unsigned: true }),
    lastRefillAt: datetime("last_refill_at", { fsp: 3 }),
    /**
     * sets if key is enabled or disabled
     */
    enabled: boolean("enabled").default(true).notNull(),

    /**
     * You can limit the amount of times a key can be verified before it becomes invalid
     */

    remaining: bigint("remaining_requests", { mode: "number", unsigned: true }),
    /**
     * A custom environment flag for our users to divide keys.
     * For example stripe has `live` and `test` keys.
     *
     * This field is an optional string on purpose, we do not make any assumptions at this level.
     * A schema for enums or other enforcements should happen at the keyAuth level instead, where
     * common settings can be configured by the user.
     */
    environment: varchar("environment", { length: 256 }),

    lastUsedAt: bigint("last_used_at", { mode: "number", unsigned: true }).notNull().default(0),

    pendingMigrationId: id("pending_migration_id"),
  },
  (table) => ({
    hashIndex: uniqueIndex("hash_idx").on(table.hash),
    keyAuthAndDeletedIndex: index("key_auth_id_deleted_at_idx").on(
      table.keyAuthId,
      table.deletedAtM,
      table.id,
    ),
    // Dashboard's keys-overview pagination sorts by last_used_at DESC under
    // (key_auth_id, deletedAtM IS NULL) — without this, the list falls back
    // to filesort and the p99 blows up to ~8s on busy keyspaces.
    keyAuthDeletedLastUsedIndex: index("key_auth_id_deleted_at_last_used_at_idx").on(
      table.keyAuthId,
      table.deletedAtM,
      table.lastUsedAt,
    ),
    forWorkspaceIdIndex: index("idx_keys_on_for_workspace_id").on(table.forWorkspaceId),
    pendingMigrationIdIndex: index("pending_migration_id_idx").on(table.pendingMigrationId),
    workspaceIdIndex: index("idx_keys_on_workspace_id").on(table.workspaceId),
    identityIdIndex: index("identity_id_idx").on(table.identityId, table.keyAuthId, table.id),
    refillIndex: index("idx_keys_refill").on(table.refillAmount, table.deletedAtM),
  }),
);

export const keysRelations = relations(keys, ({ one, many }) => ({
  keyAuth: one(keyAuth, {
    fields: [keys.keyAuthId],
    references: [keyAuth.id],
  }),
  workspace: one(workspaces, {
    relationName: "workspace_key_relation",
    fields: [keys.workspaceId],
    references: [workspaces.id],
  }),

  forWorkspace: one(workspaces, {
    fields: [keys.forWorkspaceId],
    references: [workspaces.id],
  }),
  permissions: many(keysPermissions, {
    relationName: "keys_keys_permissions_relations",
  }),
  roles: many(keysRoles, {
    relationName: "keys_roles_key_relations",
  }),
  encrypted: one(encryptedKeys),
  ratelimits: many(ratelimits),
  identity: one(identities, {
    fields: [keys.identityId],
    references: [identities.id],
  }),
}));

/**
 * Not every key will be available to be retrieved. However if a key is configured to be encrypted
 * we add a row in this table and link it back to the `keys` table.
 */
export const encryptedKeys = mysqlTable(
  "encrypted_keys",
  {
    pk: primaryKey(),
    workspaceId: id("workspace_id").notNull(),
    keyId: id("key_id").notNull(),
    ...lifecycleDatesV2,
    ...embeddedEncrypted,
  },
  (table) => ({
    onePerKey: uniqueIndex("key_id_idx").on(table.keyId),
  }),
);

export const encryptedKeysRelations = relations(encryptedKeys, ({ one }) => ({
  key: one(keys, {
    fields: [encryptedKeys.keyId],
    references: [keys.id],
  }),
  workspace: one(workspaces, {
    fields: [encryptedKeys.workspaceId],
    references: [workspaces.id],
  }),
}));

export const keyMigrations = mysqlTable(
  "key_migrations",
  {
    pk: primaryKey(),
    id: id("id").notNull().unique(),
    workspaceId: id("workspace_id").notNull(),
    algorithm: mysqlEnum("algorithm", ["sha256", "github.com/seamapi/prefixed-api-key"]).notNull(),
  },
  (table) => [unique("unique_id_per_workspace_id").on(table.id, table.workspaceId)],
);
