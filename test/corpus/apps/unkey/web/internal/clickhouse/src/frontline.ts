import { z } from "zod";
import type { Querier } from "./client";
import { escapeLikePattern } from "./util";

export const TIMESERIES_WINDOW_HOURS = 6;
export const TIMESERIES_INTERVAL_MINUTES = 15;
const TIMESERIES_INTERVAL_SECONDS = TIMESERIES_INTERVAL_MINUTES * 60;
const CURRENT_RPS_WINDOW_MINUTES = 15;
const CURRENT_RPS_WINDOW_MS = CURRENT_RPS_WINDOW_MINUTES * 60 * 1000;

const TABLE = "default.frontline_requests_raw_v1";
const MV_TABLE = "default.frontline_requests_per_15m_v1";
const LAZY_MATERIALIZATION_MAX_LIMIT = 50;

const SQL = {
  deploymentFilter: `
    workspace_id = {workspaceId: String}
    AND project_id = {projectId: String}
    AND deployment_id = {deploymentId: String}
    AND environment_id = {environmentId: String}`,

  // time (ms) >= X minutes ago (ms)
  recentMinutes: "time >= toUnixTimestamp(now() - INTERVAL {windowMinutes: UInt16} MINUTE) * 1000",

  // MV time (DateTime) >= X hours ago  -- for MV (DateTime seconds)
  mvRecentHours: "time >= now() - INTERVAL {windowHours: UInt8} HOUR",

  // Fill gaps in timeseries with zeros
  fillGaps: `
    WITH FILL
      FROM toStartOfInterval(now() - INTERVAL {windowHours: UInt8} HOUR, INTERVAL {intervalMinutes: UInt8} MINUTE)
      TO toStartOfInterval(now(), INTERVAL {intervalMinutes: UInt8} MINUTE)
      STEP INTERVAL {intervalMinutes: UInt8} MINUTE`,
} as const;

type PercentileKey = "p50" | "p75" | "p90" | "p95" | "p99";

const LATENCY_MERGE: Record<PercentileKey, string> = {
  p50: "round(quantileTDigestMerge(0.5)(latency_p50), 2)",
  p75: "round(quantileTDigestMerge(0.75)(latency_p75), 2)",
  p90: "round(quantileTDigestMerge(0.9)(latency_p90), 2)",
  p95: "round(quantileTDigestMerge(0.95)(latency_p95), 2)",
  p99: "round(quantileTDigestMerge(0.99)(latency_p99), 2)",
};

export const percentileSchema = z.enum(["p50", "p75", "p90", "p95", "p99"]).default("p50");

export const PERCENTILE_VALUES = {
  p50: 0.5,
  p75: 0.75,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
} as const;

const baseDeploymentParams = z.object({
  workspaceId: z.string(),
  projectId: z.string(),
  deploymentId: z.string(),
  environmentId: z.string(),
});

const rpsResponseSchema = z.object({ avg_rps: z.number() });
// quantile() returns NULL when the time window contains zero rows (no
// traffic in the last N minutes). Allow null at the schema layer and let
// callers coalesce to 0; the previous z.number() crashed the request.
const timeseriesPointSchema = z.object({ x: z.number().int(), y: z.number() });

const pathFilterSchema = z.discriminatedUnion("operator", [
  z.object({
    operator: z.literal("is"),
    value: z.string().min(1).max(2_048),
  }),
  z.object({
    operator: z.enum(["startsWith", "contains"]),
    // The path ngram index uses trigrams, so shorter values cannot use it.
    value: z.string().min(3).max(2_048),
  }),
]);

// ─────────────────────────────────────────────────────────────
// Logs
// ─────────────────────────────────────────────────────────────

export const requestLogsRequestSchema = z.object({
  workspaceId: z.string(),
  projectId: z.string(),
  appId: z.array(z.string()).default([]),
  deploymentId: z.array(z.string()).default([]),
  environmentId: z.array(z.string()).default([]),
  limit: z.number().int().positive().default(50),
  startTime: z.int().nullable().default(null),
  endTime: z.int().nullable().default(null),
  since: z.string().nullable().default(null),
  statusCodes: z.array(z.number().int()).nullable().default(null),
  methods: z.array(z.string()).nullable().default(null),
  paths: z.array(pathFilterSchema).nullable().default(null),
  host: z.array(z.string().min(1).max(512)).nullable().default(null),
  requestId: z.array(z.string().min(1).max(512)).nullable().default(null),
  region: z.array(z.string().min(1).max(256)).nullable().default(null),
  // 1-based page for offset pagination. Defaults to 1 (offset 0).
  page: z.number().int().min(1).default(1),
});

export type RequestLogsRequest = z.infer<typeof requestLogsRequestSchema>;

export const requestLogsResponseSchema = z.object({
  request_id: z.string(),
  time: z.number().int(),
  deployment_id: z.string(),
  region: z.string(),
  method: z.string(),
  path: z.string(),
  host: z.string(),
  response_status: z.number().int(),
  total_latency: z.number().int(),
  instance_latency: z.number().int(),
  gateway_latency: z.number().int(),
  query_string: z.string(),
  query_params: z.record(z.string(), z.array(z.string())),
  request_headers: z.array(z.string()),
  request_body: z.string(),
  response_headers: z.array(z.string()),
  response_body: z.string(),
  user_agent: z.string(),
  ip_address: z.string(),
});

export type RequestLogsResponse = z.infer<typeof requestLogsResponseSchema>;

export function getRequestLogs(ch: Querier) {
  return async (args: RequestLogsRequest) => {
    let pathConditions = "TRUE";
    const pathParams: Record<string, z.ZodString> = {};

    if (args.paths !== null && args.paths.length > 0) {
      const conditions = args.paths.map((pathFilter, index) => {
        const key = `pathValue${index}`;
        pathParams[key] = z.string();

        switch (pathFilter.operator) {
          case "is":
            return `path = {${key}: String}`;
          case "startsWith":
            return `startsWith(path, {${key}: String})`;
          case "contains":
            return `path LIKE concat('%', {${key}: String}, '%')`;
        }
      });
      pathConditions = `(${conditions.join(" OR ")})`;
    }

    const baseFilter = `
      workspace_id = {workspaceId: String}
      AND project_id = {projectId: String}
    `;
    const optionalConditions = [
      args.host?.length ? "host IN {host: Array(String)}" : null,
      args.requestId?.length ? "request_id IN {requestId: Array(String)}" : null,
      args.region?.length ? "region IN {region: Array(String)}" : null,
    ].filter((condition): condition is string => condition !== null);

    const filterConditions = `
      ${baseFilter}
      AND time BETWEEN {startTime: UInt64} AND {endTime: UInt64}
      AND (CASE WHEN length({appId: Array(String)}) > 0
           THEN app_id IN {appId: Array(String)}
           ELSE TRUE END)
      AND (CASE WHEN length({deploymentId: Array(String)}) > 0
           THEN deployment_id IN {deploymentId: Array(String)}
           ELSE TRUE END)
      AND (CASE WHEN length({environmentId: Array(String)}) > 0
           THEN environment_id IN {environmentId: Array(String)}
           ELSE TRUE END)
      -- Class codes (200,300,400,500) match via intDiv: intDiv(404,100)*100=400.
      -- Specific codes (401,503) match via exact IN; their class won't be in the array.
      AND (CASE WHEN length({statusCodes: Array(Int32)}) > 0
           THEN (
             response_status IN {statusCodes: Array(Int32)}
             OR intDiv(response_status, 100) * 100 IN {statusCodes: Array(Int32)}
           )
           ELSE TRUE END)
      AND (CASE WHEN length({methods: Array(String)}) > 0
           THEN method IN {methods: Array(String)}
           ELSE TRUE END)
      AND ${pathConditions}
      ${optionalConditions.map((condition) => `AND ${condition}`).join("\n      ")}
    `;
    const queryParamsSchema = requestLogsRequestSchema.extend(pathParams);

    const pathValues: Record<string, string> = {};
    args.paths?.forEach((pathFilter, index) => {
      pathValues[`pathValue${index}`] =
        pathFilter.operator === "contains" ? escapeLikePattern(pathFilter.value) : pathFilter.value;
    });

    const totalQuery = ch.query({
      query: `SELECT count(*) as total_count FROM ${TABLE} WHERE ${filterConditions}`,
      params: queryParamsSchema,
      schema: z.object({ total_count: z.number().int() }),
    });

    // Offset pagination. `page` is 1-based; page 1 maps to offset 0.
    const offset = (args.page - 1) * args.limit;

    // Lazy materialization delays reading large payload columns until ORDER BY
    // and LIMIT select the page. Enable it explicitly and raise ClickHouse's
    // default LIMIT 10 threshold to the dashboard's 50-row page size.
    // https://clickhouse.com/docs/optimize/lazy-materialization
    const logsQuery = ch.query({
      query: `
        SELECT request_id, time, deployment_id, region, method, path, host,
               response_status, total_latency, instance_latency, gateway_latency,
               query_string, query_params, request_headers, request_body,
               response_headers, response_body, user_agent, ip_address
        FROM ${TABLE}
        WHERE ${filterConditions}
        ORDER BY time DESC, request_id DESC
        LIMIT {limit: Int}
        OFFSET {offset: Int}
        SETTINGS
          query_plan_optimize_lazy_materialization = 1,
          query_plan_max_limit_for_lazy_materialization = ${LAZY_MATERIALIZATION_MAX_LIMIT}`,
      params: queryParamsSchema.extend({
        offset: z.number().int(),
      }),
      schema: requestLogsResponseSchema,
    });

    return {
      totalQuery: totalQuery({ ...args, ...pathValues } as never),
      logsQuery: logsQuery({ ...args, ...pathValues, offset } as never),
    };
  };
}

// ─────────────────────────────────────────────────────────────
// Region / Instance RPS
// ─────────────────────────────────────────────────────────────

export const regionRpsRequestSchema = baseDeploymentParams.extend({
  region: z.string(),
});

// Avg RPS for a region within a deployment over the rolling current-RPS
// window. The table stores requests per instance, so summing over a region
// is just COUNT() filtered by region — no Frontline join needed.
export function getRegionRps(ch: Querier) {
  return async (args: z.infer<typeof regionRpsRequestSchema>) => {
    const query = ch.query({
      query: `
        SELECT round(COUNT(*) * 1000.0 / {windowMs: UInt64}, 2) as avg_rps
        FROM ${TABLE}
        WHERE ${SQL.deploymentFilter}
          AND region = {region: String}
          AND ${SQL.recentMinutes}`,
      params: regionRpsRequestSchema.extend({
        windowMinutes: z.number(),
        windowMs: z.number(),
      }),
      schema: rpsResponseSchema,
    });

    return query({
      ...args,
      windowMinutes: CURRENT_RPS_WINDOW_MINUTES,
      windowMs: CURRENT_RPS_WINDOW_MS,
    });
  };
}

export const instanceRpsRequestSchema = baseDeploymentParams.extend({
  instanceId: z.string(),
});

export function getInstanceRps(ch: Querier) {
  return async (args: z.infer<typeof instanceRpsRequestSchema>) => {
    const query = ch.query({
      query: `
        -- count * 1000 / ms = requests per second
        SELECT round(COUNT(*) * 1000.0 / {windowMs: UInt64}, 2) as avg_rps
        FROM ${TABLE}
        WHERE ${SQL.deploymentFilter}
          AND instance_id = {instanceId: String}
          AND ${SQL.recentMinutes}`,
      params: instanceRpsRequestSchema.extend({
        windowMinutes: z.number(),
        windowMs: z.number(),
      }),
      schema: rpsResponseSchema,
    });

    return query({
      ...args,
      windowMinutes: CURRENT_RPS_WINDOW_MINUTES,
      windowMs: CURRENT_RPS_WINDOW_MS,
    });
  };
}

// ─────────────────────────────────────────────────────────────
// Deployment RPS Timeseries
// ─────────────────────────────────────────────────────────────

export const deploymentRpsTimeseriesRequestSchema = baseDeploymentParams;
export type DeploymentRpsTimeseriesRequest = z.infer<typeof deploymentRpsTimeseriesRequestSchema>;

export function getDeploymentRpsTimeseries(ch: Querier) {
  return async (args: DeploymentRpsTimeseriesRequest) => {
    const query = ch.query({
      query: `
        SELECT
          toUnixTimestamp(time) * 1000 as x,
          round(sum(count) / {intervalSeconds: UInt32}, 2) as y
        FROM ${MV_TABLE}
        WHERE ${SQL.deploymentFilter}
          AND ${SQL.mvRecentHours}
        GROUP BY time
        ORDER BY time ASC
        ${SQL.fillGaps}`,
      params: baseDeploymentParams.extend({
        windowHours: z.number(),
        intervalMinutes: z.number(),
        intervalSeconds: z.number(),
      }),
      schema: timeseriesPointSchema,
    });

    return query({
      ...args,
      windowHours: TIMESERIES_WINDOW_HOURS,
      intervalMinutes: TIMESERIES_INTERVAL_MINUTES,
      intervalSeconds: TIMESERIES_INTERVAL_SECONDS,
    });
  };
}

// ─────────────────────────────────────────────────────────────
// Deployment Latency (current + timeseries in 1 query via ROLLUP)
// ─────────────────────────────────────────────────────────────

export const deploymentLatencyRequestSchema = baseDeploymentParams.extend({
  percentile: percentileSchema,
});

export type DeploymentLatencyRequest = z.infer<typeof deploymentLatencyRequestSchema>;

export function getDeploymentLatencyWithTimeseries(ch: Querier) {
  return async (args: DeploymentLatencyRequest) => {
    const mergeExpr = LATENCY_MERGE[args.percentile];

    const query = ch.query({
      query: `
        SELECT
          toUnixTimestamp(time) * 1000 as x,
          ${mergeExpr} as y
        FROM ${MV_TABLE}
        WHERE ${SQL.deploymentFilter}
          AND ${SQL.mvRecentHours}
        GROUP BY time WITH ROLLUP
        ORDER BY time ASC`,
      params: baseDeploymentParams.extend({
        windowHours: z.number(),
      }),
      schema: timeseriesPointSchema,
    });

    return query({
      ...args,
      windowHours: TIMESERIES_WINDOW_HOURS,
    });
  };
}
