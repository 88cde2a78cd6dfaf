export * from "./apis";
export * from "./rbac";
export * from "./keyAuth";
export * from "./keys";
export * from "./ratelimit";
export * from "./workspaces";
export * from "./identity";
export * from "./limits";
export * from "./workspace_billing";
export * from "./billing_subscriptions";
export * from "./clickhouse_outbox";
export * from "./environments";
export * from "./clickhouse_workspace_settings";
export * from "./shared_secrets";

// Deployment platform tables
export * from "./projects";
export * from "./apps";
export * from "./app_build_settings";
export * from "./app_runtime_settings";
export * from "./app_regional_settings";

export * from "./app_environment_variables";
export * from "./deployments";
export * from "./openapi_specs";
export * from "./deployment_steps";
export * from "./deployment_topology";
export * from "./acme_users";

export * from "./custom_domains";
export * from "./acme_challenges";

export * from "./instances";
export * from "./certificates";
export * from "./frontline_routes";
export * from "./github_app";
export * from "./cilium";

export * from "./clusters";
export * from "./regions";
export * from "./horizontal_autoscaling_policies";
export * from "./deployment_changes";

// Portal tables
export * from "./portals";
export * from "./portal_sessions";
