import { relations } from "drizzle-orm";
import { index, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { deployments } from "./deployments";
import { projects } from "./projects";
import { id } from "./util/id";
import { lifecycleDates } from "./util/lifecycle_dates";
import { primaryKey } from "./util/primary_key";

export const frontlineRoutes = mysqlTable(
  "frontline_routes",
  {
    pk: primaryKey(),
    id: id("id").notNull().unique(),
    projectId: id("project_id").notNull(),
    appId: id("app_id").notNull(),
    deploymentId: id("deployment_id").notNull(),
    environmentId: id("environment_id").notNull(),
    fullyQualifiedDomainName: varchar("fully_qualified_domain_name", {
      length: 256,
    })
      .notNull()
      .unique(),
    // sticky determines whether a fullyQualifiedDomainName should get reassigned to the latest deployment
    // - branch: the fullyQualifiedDomainName always points to the latest deployment on the branch
    //     <projectslug>-<appslug>-git-<branchname>-<workspaceslug>.unkey.app
    //
    // - environment: the fullyQualifiedDomainName is sticky to the environment it was created on
    //     <projectslug>-<appslug>-<environmentslug>-<workspaceslug>.unkey.app
    //
    // - live: the fullyQualifiedDomainName is sticky to the live deployment it was created on
    //     api.unkey.com
    //
    // - deployment: per-deployment stable URL, never reassigned
    //     <projectslug>-<appslug>-<id>-<workspaceslug>.unkey.app
    sticky: mysqlEnum("sticky", ["none", "branch", "environment", "live", "deployment"])
      .notNull()
      .default("none"),

    ...lifecycleDates,
  },
  (table) => [
    index("project_id_idx").on(table.projectId),
    index("environment_id_idx").on(table.environmentId),
    index("deployment_id_idx").on(table.deploymentId),
    index("fqdn_environment_deployment_idx").on(
      table.fullyQualifiedDomainName,
      table.environmentId,
      table.deploymentId,
    ),
  ],
);

export const frontlineRelations = relations(frontlineRoutes, ({ one }) => ({
  deployment: one(deployments, {
    fields: [frontlineRoutes.deploymentId],
    references: [deployments.id],
  }),
  project: one(projects, {
    fields: [frontlineRoutes.projectId],
    references: [projects.id],
  }),
}));
