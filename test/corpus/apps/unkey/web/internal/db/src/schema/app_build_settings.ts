import { relations } from "drizzle-orm";
import { boolean, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { apps } from "./apps";
import { environments } from "./environments";
import { id } from "./util/id";
import { lifecycleDates } from "./util/lifecycle_dates";
import { primaryKey } from "./util/primary_key";
import { workspaces } from "./workspaces";

export const appBuildSettings = mysqlTable(
  "app_build_settings",
  {
    pk: primaryKey(),

    workspaceId: id("workspace_id").notNull(),
    appId: id("app_id").notNull(),
    environmentId: id("environment_id").notNull(),

    // NULL means "no Dockerfile configured": the deploy worker then builds
    // the app with Railpack instead of a Dockerfile.
    dockerfile: varchar("dockerfile", { length: 500 }),
    dockerContext: varchar("docker_context", { length: 500 }).notNull().default("."),
    // NULL means "let Railpack auto-detect". When set, it overrides Railpack's
    // detected build command (RAILPACK_BUILD_CMD) so monorepos can scope the
    // build to a single app. Ignored for Dockerfile builds.
    buildCommand: varchar("build_command", { length: 1000 }),
    watchPaths: json("watch_paths").notNull().$type<string[]>().default([]),
    autoDeploy: boolean("auto_deploy").notNull().default(true),

    ...lifecycleDates,
  },
  (table) => [uniqueIndex("app_build_settings_app_env_idx").on(table.appId, table.environmentId)],
);

export const appBuildSettingsRelations = relations(appBuildSettings, ({ one }) => ({
  workspace: one(workspaces, {
    fields: [appBuildSettings.workspaceId],
    references: [workspaces.id],
  }),
  app: one(apps, {
    fields: [appBuildSettings.appId],
    references: [apps.id],
  }),
  environment: one(environments, {
    fields: [appBuildSettings.environmentId],
    references: [environments.id],
  }),
}));
