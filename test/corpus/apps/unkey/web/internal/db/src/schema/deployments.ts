import { relations, sql } from "drizzle-orm";
import {
  bigint,
  index,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  text,
  varchar,
} from "drizzle-orm/mysql-core";
import { deploymentSteps } from "./deployment_steps";
import { environments } from "./environments";
import { instances } from "./instances";
import { openapiSpecs } from "./openapi_specs";
import { projects } from "./projects";
import { caseInsensitiveVarchar } from "./util/case_insensitive_varchar";
import { caseSensitiveVarchar } from "./util/case_sensitive_varchar";
import { id } from "./util/id";
import { lifecycleDates } from "./util/lifecycle_dates";
import { longblob } from "./util/longblob";
import { primaryKey } from "./util/primary_key";
import { workspaces } from "./workspaces";

export const deployments = mysqlTable(
  "deployments",
  {
    pk: primaryKey(),
    id: id("id").notNull().unique(),
    k8sName: caseInsensitiveVarchar("k8s_name", { length: 255 }).notNull().unique(),

    workspaceId: id("workspace_id").notNull(),
    projectId: id("project_id").notNull(),

    // Environment configuration (production, preview, etc.)
    environmentId: id("environment_id").notNull(),

    // App this deployment belongs to
    appId: id("app_id").notNull(),

    // the docker image
    // null until the build is done
    image: varchar("image", { length: 256 }),
    buildId: caseSensitiveVarchar("build_id", { length: 128 }).unique(),

    // Git information
    gitCommitSha: varchar("git_commit_sha", { length: 40 }),
    gitBranch: caseSensitiveVarchar("git_branch", { length: 256 }),
    gitCommitMessage: text("git_commit_message"),
    gitCommitAuthorHandle: varchar("git_commit_author_handle", {
      length: 256,
    }),
    gitCommitAuthorAvatarUrl: varchar("git_commit_author_avatar_url", {
      length: 512,
    }),
    gitCommitTimestamp: bigint("git_commit_timestamp", { mode: "number" }), // Unix epoch milliseconds

    sentinelConfig: longblob("sentinel_config").notNull(),

    cpuMillicores: int("cpu_millicores").notNull(),
    memoryMib: int("memory_mib").notNull(),
    storageMib: int("storage_mib", { unsigned: true }).notNull().default(0),
    desiredState: mysqlEnum("desired_state", ["running", "stopped"]).notNull().default("running"),

    // Environment variables snapshot (protobuf: ctrl.v1.SecretsBlob)
    // Encrypted values from environment_variables at deploy time
    encryptedEnvironmentVariables: longblob("encrypted_environment_variables").notNull(),

    // Container command override (e.g., ["./app", "serve"])
    // If empty, the container's default entrypoint/cmd is used
    command: json("command").$type<string[]>().notNull().default(sql`('[]')`),

    // Port the container listens on
    port: int("port").notNull().default(8080),

    // Signal sent to the container for graceful shutdown
    shutdownSignal: mysqlEnum("shutdown_signal", ["SIGTERM", "SIGINT", "SIGQUIT", "SIGKILL"])
      .notNull()
      .default("SIGTERM"),

    // Protocol Frontline uses to proxy to the instance (snapshotted from app_runtime_settings)
    upstreamProtocol: mysqlEnum("upstream_protocol", ["http1", "h2c"]).notNull().default("http1"),

    // HTTP healthcheck configuration (null = no healthcheck)
    healthcheck: json("healthcheck").$type<import("./app_runtime_settings").Healthcheck>(),

    // PR number (for fork PRs, used to build refs/pull/N/head for BuildKit)
    prNumber: bigint("pr_number", { mode: "number" }),

    // Fork repository full name (e.g. "contributor/repo") for linking to the fork
    forkRepositoryFullName: varchar("fork_repository_full_name", { length: 256 }),

    // GitHub Deployment ID for status reporting
    githubDeploymentId: bigint("github_deployment_id", { mode: "number" }),

    // Restate invocation ID for the Deploy workflow.
    // Captured when the workflow is started, used to cancel the invocation
    // when a user manually aborts the deployment.
    invocationId: varchar("invocation_id", { length: 256 }),

    // Deployment status
    status: mysqlEnum("status", [
      "pending",
      "starting",
      "building",
      "deploying",
      "network",
      "finalizing",
      "ready",
      "failed",
      "skipped",
      "awaiting_approval",
      "stopped",
      "superseded",
      "cancelled",
    ])
      .notNull()
      .default("pending"),

    // What surface triggered this deployment.
    // "unknown" is used for historical rows inserted before this column existed.
    trigger: mysqlEnum("trigger", ["unknown", "github", "api", "cli", "dashboard", "unkey"])
      .notNull()
      .default("unknown"),

    // Polymorphic actor id, interpreted based on `trigger`:
    //   dashboard -> user_id
    //   api / cli -> root_key_id
    //   github    -> github sender_login (pusher; the commit author is
    //                stored separately in git_commit_author_handle)
    //   unkey     -> internal user_id
    //   unknown   -> null
    triggeredBy: varchar("triggered_by", { length: 256 }),

    // Free-form reason, populated mostly for trigger=unkey
    // (e.g. "rebuild after image loss").
    triggerReason: varchar("trigger_reason", { length: 512 }),
    ...lifecycleDates,
  },
  (table) => [
    index("workspace_idx").on(table.workspaceId),
    index("project_idx").on(table.projectId),
    index("status_idx").on(table.status),
  ],
);

export const deploymentsRelations = relations(deployments, ({ one, many }) => ({
  workspace: one(workspaces, {
    fields: [deployments.workspaceId],
    references: [workspaces.id],
  }),
  environment: one(environments, {
    fields: [deployments.environmentId],
    references: [environments.id],
  }),
  project: one(projects, {
    fields: [deployments.projectId],
    references: [projects.id],
  }),

  openapiSpec: one(openapiSpecs, {
    fields: [deployments.id],
    references: [openapiSpecs.deploymentId],
  }),

  instances: many(instances),
  steps: many(deploymentSteps),
}));
