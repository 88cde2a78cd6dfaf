import { relations } from "drizzle-orm";
import { mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { apps } from "./apps";
import { deleteProtection } from "./util/delete_protection";
import { lifecycleDates } from "./util/lifecycle_dates";
import { workspaces } from "./workspaces";

import { deployments } from "./deployments";
import { environments } from "./environments";
import { frontlineRoutes } from "./frontline_routes";
import { githubRepoConnections } from "./github_app";
import { id } from "./util/id";
import { primaryKey } from "./util/primary_key";
export const projects = mysqlTable(
  "projects",
  {
    pk: primaryKey(),
    id: id("id").notNull().unique(),
    workspaceId: id("workspace_id").notNull(),

    name: varchar("name", { length: 256 }).notNull(),
    slug: varchar("slug", { length: 256 }).notNull(), // URL-safe identifier within workspace

    depotProjectId: varchar("depot_project_id", { length: 255 }),

    ...deleteProtection,
    ...lifecycleDates,
  },
  (table) => [uniqueIndex("workspace_slug_idx").on(table.workspaceId, table.slug)],
);

export const projectsRelations = relations(projects, ({ one, many }) => ({
  workspace: one(workspaces, {
    fields: [projects.workspaceId],
    references: [workspaces.id],
  }),
  environments: many(environments),
  apps: many(apps),
  deployments: many(deployments),
  frontlineRoutes: many(frontlineRoutes),
  githubRepoConnections: many(githubRepoConnections),
}));
