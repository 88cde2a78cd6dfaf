/**
 * Per-component impact a status report update sets. Mirrors openstatus's
 * `pageComponentImpact` taxonomy (this package doesn't depend on the db).
 */
export type ComponentImpact =
  | "operational"
  | "degraded_performance"
  | "partial_outage"
  | "major_outage";

export type UpdateComponentImpact = {
  sourceComponentId: string;
  impact: ComponentImpact;
};

/**
 * Result of importing a single resource.
 */
export type ResourceResult = {
  sourceId: string;
  openstatusId?: number;
  name: string;
  status: "created" | "skipped" | "failed";
  error?: string;
  data?: unknown;
};

/**
 * Result of a single import phase (e.g., "components", "incidents").
 */
export type PhaseResult = {
  phase: string;
  status: "completed" | "partial" | "failed" | "skipped";
  resources: ResourceResult[];
};

/**
 * Summary returned after a full import completes.
 */
export type ImportSummary = {
  provider: string;
  status: "completed" | "partial" | "failed";
  startedAt: Date;
  completedAt: Date;
  phases: PhaseResult[];
  errors: string[];
};

/**
 * Configuration passed to any import provider.
 */
export type ImportConfig = {
  apiKey: string;
  workspaceId: number;
  pageId?: number;
  dryRun?: boolean;
};

/**
 * Every import provider must conform to this type.
 */
export type ImportProvider<TConfig extends ImportConfig = ImportConfig> = {
  name: string;
  validate: (config: TConfig) => Promise<{ valid: boolean; error?: string }>;
  run: (config: TConfig) => Promise<ImportSummary>;
};
