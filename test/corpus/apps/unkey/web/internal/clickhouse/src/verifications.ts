import { z } from "zod";
import type { Querier } from "./client";
import { KEY_VERIFICATION_OUTCOMES } from "./keys/keys";

// LOGS
export const keyDetailsLogsParams = z.object({
  workspaceId: z.string(),
  keyspaceId: z.string(),
  keyId: z.string(),
  limit: z.int(),
  startTime: z.int(),
  endTime: z.int(),
  tags: z
    .array(
      z.object({
        value: z.string(),
        operator: z.enum(["is", "contains", "startsWith", "endsWith"]),
      }),
    )
    .nullable(),
  outcomes: z
    .array(
      z.object({
        value: z.enum(KEY_VERIFICATION_OUTCOMES),
        operator: z.literal("is"),
      }),
    )
    .nullable(),
  cursorTime: z.int().nullable(),
  offset: z.int().nullable(),
});

export const keyDetailsLog = z.object({
  request_id: z.string(),
  time: z.int(),
  region: z.string(),
  outcome: z.enum(KEY_VERIFICATION_OUTCOMES),
  tags: z.array(z.string()),
});

export type KeyDetailsLog = z.infer<typeof keyDetailsLog>;
export type KeyDetailsLogsParams = z.infer<typeof keyDetailsLogsParams>;

type ExtendedParamsKeyDetails = KeyDetailsLogsParams & {
  [key: string]: unknown;
};

export function getKeyDetailsLogs(ch: Querier) {
  return async (args: KeyDetailsLogsParams) => {
    const paramSchemaExtension: Record<string, z.ZodType> = {};
    const parameters: ExtendedParamsKeyDetails = { ...args };

    const hasTagFilters = args.tags && args.tags.length > 0;
    const hasOutcomeFilters = args.outcomes && args.outcomes.length > 0;

    const tagCondition = hasTagFilters
      ? args.tags
          ?.map((filter, index) => {
            const paramName = `tagValue_${index}`;
            paramSchemaExtension[paramName] = z.string();
            parameters[paramName] = filter.value;

            switch (filter.operator) {
              case "is":
                return `has(tags, {${paramName}: String})`;
              case "contains":
                return `arrayExists(tag -> position(tag, {${paramName}: String}) > 0, tags)`;
              case "startsWith":
                return `arrayExists(tag -> startsWith(tag, {${paramName}: String}), tags)`;
              case "endsWith":
                return `arrayExists(tag -> endsWith(tag, {${paramName}: String}), tags)`;
              default:
                return null;
            }
          })
          .filter(Boolean)
          .join(" AND ") || "TRUE"
      : "TRUE";

    const outcomeCondition = hasOutcomeFilters
      ? args.outcomes
          ?.map((filter, index) => {
            if (filter.operator === "is") {
              const paramName = `outcomeValue_${index}`;
              paramSchemaExtension[paramName] = z.string();
              parameters[paramName] = filter.value;
              return `outcome = {${paramName}: String}`;
            }
            return null;
          })
          .filter(Boolean)
          .join(" OR ") || "TRUE"
      : "TRUE";

    const useOffset = args.offset !== null;

    let cursorCondition: string;

    if (useOffset) {
      cursorCondition = "";
    } else if (args.cursorTime) {
      cursorCondition = `
        AND (time < {cursorTime: Nullable(UInt64)})
        `;
    } else {
      cursorCondition = `
      AND ({cursorTime: Nullable(UInt64)} IS NULL)
      `;
    }

    const extendedParamsSchema = keyDetailsLogsParams.extend(paramSchemaExtension);

    // PREWHERE clause for indexed columns
    const prewhereConditions = `
      workspace_id = {workspaceId: String}
      AND key_space_id = {keyspaceId: String}
      AND key_id = {keyId: String}
      AND time BETWEEN {startTime: UInt64} AND {endTime: UInt64}
    `;

    // WHERE clause for non-indexed filters
    const whereConditions = `
      (${tagCondition})
      AND (${outcomeCondition})
    `;

    // Total count query - counts all matching records without pagination
    const totalQuery = ch.query({
      query: `
        SELECT
          count(request_id) as total_count
        FROM default.key_verifications_raw_v2
        PREWHERE ${prewhereConditions}
        WHERE ${whereConditions}`,
      params: extendedParamsSchema,
      schema: z.object({
        total_count: z.int(),
      }),
    });

    const query = ch.query({
      query: `
      SELECT
          request_id,
          time,
          region,
          outcome,
          tags
      FROM default.key_verifications_raw_v2
      PREWHERE ${prewhereConditions}
      WHERE ${whereConditions}
          -- Handle pagination using time as cursor
          ${cursorCondition}
      ORDER BY time DESC
      LIMIT {limit: Int}
      ${useOffset ? "OFFSET {offset: Nullable(Int)}" : ""}
      `,
      params: extendedParamsSchema,
      schema: keyDetailsLog,
    });

    const [clickhouseResults, totalResults] = await Promise.all([
      query(parameters),
      totalQuery(parameters),
    ]);

    return {
      logs: clickhouseResults,
      totalCount: totalResults.val ? totalResults.val[0].total_count : 0,
    };
  };
}

// IDENTITY LOGS - Aggregated logs from multiple keys
export const identityLogsParams = z.object({
  workspaceId: z.string(),
  keyIds: z.array(z.string()),
  limit: z.int(),
  startTime: z.int(),
  endTime: z.int(),
  tags: z
    .array(
      z.object({
        value: z.string(),
        operator: z.enum(["is", "contains", "startsWith", "endsWith"]),
      }),
    )
    .nullable(),
  outcomes: z
    .array(
      z.object({
        value: z.enum(KEY_VERIFICATION_OUTCOMES),
        operator: z.literal("is"),
      }),
    )
    .nullable(),
  cursorTime: z.int().nullable(),
});

export const identityLog = z.object({
  request_id: z.string(),
  time: z.int(),
  region: z.string(),
  outcome: z.enum(KEY_VERIFICATION_OUTCOMES),
  tags: z.array(z.string()),
  keyId: z.string(),
});

export type IdentityLog = z.infer<typeof identityLog>;
export type IdentityLogsParams = z.infer<typeof identityLogsParams>;

type ExtendedParamsIdentity = IdentityLogsParams & {
  [key: string]: unknown;
};

export function getIdentityLogs(ch: Querier) {
  return async (args: IdentityLogsParams) => {
    if (!args.keyIds || args.keyIds.length === 0) {
      return {
        logs: { val: [] },
        totalCount: 0,
      };
    }

    const paramSchemaExtension: Record<string, z.ZodType> = {};
    const parameters: ExtendedParamsIdentity = { ...args };

    const hasTagFilters = args.tags && args.tags.length > 0;
    const hasOutcomeFilters = args.outcomes && args.outcomes.length > 0;

    // Build keyIds condition
    const keyIdConditions = args.keyIds
      .map((keyId, index) => {
        const paramName = `keyId_${index}`;
        paramSchemaExtension[paramName] = z.string();
        parameters[paramName] = keyId;
        return `key_id = {${paramName}: String}`;
      })
      .join(" OR ");

    const tagCondition = hasTagFilters
      ? args.tags
          ?.map((filter, index) => {
            const paramName = `tagValue_${index}`;
            paramSchemaExtension[paramName] = z.string();
            parameters[paramName] = filter.value;

            switch (filter.operator) {
              case "is":
                return `has(tags, {${paramName}: String})`;
              case "contains":
                return `arrayExists(tag -> position(tag, {${paramName}: String}) > 0, tags)`;
              case "startsWith":
                return `arrayExists(tag -> startsWith(tag, {${paramName}: String}), tags)`;
              case "endsWith":
                return `arrayExists(tag -> endsWith(tag, {${paramName}: String}), tags)`;
              default:
                return null;
            }
          })
          .filter(Boolean)
          .join(" AND ") || "TRUE"
      : "TRUE";

    const outcomeCondition = hasOutcomeFilters
      ? args.outcomes
          ?.map((filter, index) => {
            if (filter.operator === "is") {
              const paramName = `outcomeValue_${index}`;
              paramSchemaExtension[paramName] = z.string();
              parameters[paramName] = filter.value;
              return `outcome = {${paramName}: String}`;
            }
            return null;
          })
          .filter(Boolean)
          .join(" OR ") || "TRUE"
      : "TRUE";

    let cursorCondition: string;
    if (args.cursorTime) {
      cursorCondition = `
        AND (time < {cursorTime: Nullable(UInt64)})
        `;
    } else {
      cursorCondition = `
      AND ({cursorTime: Nullable(UInt64)} IS NULL)
      `;
    }

    const extendedParamsSchema = identityLogsParams.extend(paramSchemaExtension);

    // PREWHERE clause for indexed columns
    const prewhereConditions = `
      workspace_id = {workspaceId: String}
      AND time BETWEEN {startTime: UInt64} AND {endTime: UInt64}
    `;

    // WHERE clause for non-indexed filters
    const whereConditions = `
      (${keyIdConditions})
      AND (${tagCondition})
      AND (${outcomeCondition})
    `;

    // Total count query
    const totalQuery = ch.query({
      query: `
        SELECT
          count(request_id) as total_count
        FROM default.key_verifications_raw_v2
        PREWHERE ${prewhereConditions}
        WHERE ${whereConditions}`,
      params: extendedParamsSchema,
      schema: z.object({
        total_count: z.int(),
      }),
    });

    const query = ch.query({
      query: `
      SELECT
          request_id,
          time,
          region,
          outcome,
          tags,
          key_id as keyId
      FROM default.key_verifications_raw_v2
      PREWHERE ${prewhereConditions}
      WHERE ${whereConditions}
          ${cursorCondition}
      ORDER BY time DESC
      LIMIT {limit: Int}
      `,
      params: extendedParamsSchema,
      schema: identityLog,
    });

    const [clickhouseResults, totalResults] = await Promise.all([
      query(parameters),
      totalQuery(parameters),
    ]);

    return {
      logs: clickhouseResults,
      totalCount: totalResults.val ? totalResults.val[0].total_count : 0,
    };
  };
}

// TIMESERIES
export const verificationTimeseriesParams = z.object({
  workspaceId: z.string(),
  keyspaceId: z.string(),
  keyId: z.string().optional(),
  startTime: z.int(),
  endTime: z.int(),
  names: z
    .array(
      z.object({
        operator: z.enum(["is", "contains", "startsWith", "endsWith"]),
        value: z.string(),
      }),
    )
    .nullable(),
  identities: z
    .array(
      z.object({
        operator: z.enum(["is", "contains", "startsWith", "endsWith"]),
        value: z.string(),
      }),
    )
    .nullable(),
  keyIds: z
    .array(
      z.object({
        operator: z.enum(["is", "contains"]),
        value: z.string(),
      }),
    )
    .nullable(),
  tags: z
    .array(
      z.object({
        operator: z.enum(["is", "contains", "startsWith", "endsWith"]),
        value: z.string(),
      }),
    )
    .nullable(),
  outcomes: z
    .array(
      z.object({
        value: z.enum(KEY_VERIFICATION_OUTCOMES),
        operator: z.literal("is"),
      }),
    )
    .nullable(),
});

export const verificationTimeseriesDataPoint = z.object({
  x: z.int(),
  y: z.object({
    total: z.int().prefault(0),
    valid: z.int().prefault(0),
    valid_count: z.int().prefault(0),
    rate_limited_count: z.int().prefault(0),
    insufficient_permissions_count: z.int().prefault(0),
    forbidden_count: z.int().prefault(0),
    disabled_count: z.int().prefault(0),
    expired_count: z.int().prefault(0),
    usage_exceeded_count: z.int().prefault(0),
  }),
});

export type VerificationTimeseriesDataPoint = z.infer<typeof verificationTimeseriesDataPoint>;
export type VerificationTimeseriesParams = z.infer<typeof verificationTimeseriesParams>;

type TimeInterval = {
  table: string;
  step: string;
  stepSize: number;
};

const INTERVALS: Record<string, TimeInterval> = {
  // Minute-based intervals
  minute: {
    table: "default.key_verifications_per_minute_v3",
    step: "MINUTE",
    stepSize: 1,
  },
  fiveMinutes: {
    table: "default.key_verifications_per_minute_v3",
    step: "MINUTE",
    stepSize: 5,
  },
  fifteenMinutes: {
    table: "default.key_verifications_per_minute_v3",
    step: "MINUTE",
    stepSize: 15,
  },
  thirtyMinutes: {
    table: "default.key_verifications_per_minute_v3",
    step: "MINUTE",
    stepSize: 30,
  },
  // Hour-based intervals
  hour: {
    table: "default.key_verifications_per_hour_v3",
    step: "HOUR",
    stepSize: 1,
  },
  twoHours: {
    table: "default.key_verifications_per_hour_v3",
    step: "HOUR",
    stepSize: 2,
  },
  fourHours: {
    table: "default.key_verifications_per_hour_v3",
    step: "HOUR",
    stepSize: 4,
  },
  sixHours: {
    table: "default.key_verifications_per_hour_v3",
    step: "HOUR",
    stepSize: 6,
  },
  twelveHours: {
    table: "default.key_verifications_per_hour_v3",
    step: "HOUR",
    stepSize: 12,
  },
  // Day-based intervals
  day: {
    table: "default.key_verifications_per_day_v3",
    step: "DAY",
    stepSize: 1,
  },
  threeDays: {
    table: "default.key_verifications_per_day_v3",
    step: "DAY",
    stepSize: 3,
  },
  week: {
    table: "default.key_verifications_per_day_v3",
    step: "DAY",
    stepSize: 7,
  },
  twoWeeks: {
    table: "default.key_verifications_per_day_v3",
    step: "DAY",
    stepSize: 14,
  },
  // Monthly-based intervals
  month: {
    table: "default.key_verifications_per_month_v3",
    step: "MONTH",
    stepSize: 1,
  },
  quarter: {
    table: "default.key_verifications_per_month_v3",
    step: "MONTH",
    stepSize: 3,
  },
} as const;

const MS_PER_INTERVAL_STEP: Record<string, number> = {
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
  MONTH: 2_592_000_000,
};

function createVerificationTimeseriesQuery(interval: TimeInterval, whereClause: string) {
  const intervalUnit = {
    MINUTE: "minute",
    HOUR: "hour",
    DAY: "day",
    MONTH: "month",
  }[interval.step];

  const msPerUnit = MS_PER_INTERVAL_STEP[interval.step];
  if (!msPerUnit) {
    throw new Error(
      `Unsupported interval step: ${interval.step}. Expected one of: MINUTE, HOUR, DAY, MONTH`,
    );
  }
  const stepMs = msPerUnit * interval.stepSize;

  return `
    SELECT
      toUnixTimestamp64Milli(CAST(toStartOfInterval(time, INTERVAL ${interval.stepSize} ${intervalUnit}) AS DateTime64(3))) as x,
    map(
      'total', SUM(count),
      'valid', SUM(IF(outcome = 'VALID', count, 0)),
      'rate_limited_count', SUM(IF(outcome = 'RATE_LIMITED', count, 0)),
      'insufficient_permissions_count', SUM(IF(outcome = 'INSUFFICIENT_PERMISSIONS', count, 0)),
      'forbidden_count', SUM(IF(outcome = 'FORBIDDEN', count, 0)),
      'disabled_count', SUM(IF(outcome = 'DISABLED', count, 0)) ,
      'expired_count',SUM(IF(outcome = 'EXPIRED', count, 0)) ,
      'usage_exceeded_count', SUM(IF(outcome = 'USAGE_EXCEEDED', count, 0))
      ) as y
    FROM ${interval.table}
    ${whereClause}
    GROUP BY x
    ORDER BY x ASC
    WITH FILL
      FROM toUnixTimestamp64Milli(CAST(toStartOfInterval(toDateTime(fromUnixTimestamp64Milli({startTime: Int64})), INTERVAL ${interval.stepSize} ${intervalUnit}) AS DateTime64(3)))
      TO toUnixTimestamp64Milli(CAST(toStartOfInterval(toDateTime(fromUnixTimestamp64Milli({endTime: Int64})), INTERVAL ${interval.stepSize} ${intervalUnit}) AS DateTime64(3))) + ${stepMs}
      STEP ${stepMs}`;
}

function getVerificationTimeseriesWhereClause(
  params: VerificationTimeseriesParams,
  additionalConditions: string[] = [],
): { whereClause: string; paramSchema: z.ZodType<unknown> } {
  const conditions = [
    "workspace_id = {workspaceId: String}",
    "key_space_id = {keyspaceId: String}",
    ...additionalConditions,
  ];

  // Create parameter schema extension
  const paramSchemaExtension: Record<string, z.ZodType> = {};

  // Add keyId direct filter if specified
  if (params.keyId) {
    conditions.push("key_id = {keyId: String}");
  }

  // Add keyIds filter conditions
  if (params.keyIds?.length) {
    const keyIdConditions = params.keyIds
      .map((filter, index) => {
        const paramName = `keyIdValue_${index}`;
        paramSchemaExtension[paramName] = z.string();

        switch (filter.operator) {
          case "is":
            return `key_id = {${paramName}: String}`;
          case "contains":
            return `like(key_id, CONCAT('%', {${paramName}: String}, '%'))`;
        }
      })
      .filter(Boolean)
      .join(" OR ");

    if (keyIdConditions.length > 0) {
      conditions.push(`(${keyIdConditions})`);
    }
  }

  // Add outcomes filter conditions
  if (params.outcomes?.length) {
    const outcomeConditions = params.outcomes
      .map((filter, index) => {
        const paramName = `outcomeValue_${index}`;
        paramSchemaExtension[paramName] = z.string();

        if (filter.operator === "is") {
          return `outcome = {${paramName}: String}`;
        }
        return null;
      })
      .filter(Boolean)
      .join(" OR ");

    if (outcomeConditions.length > 0) {
      conditions.push(`(${outcomeConditions})`);
    }
  }

  // Handle tags filter
  if (params.tags && params.tags.length > 0) {
    const tagConditions = params.tags
      .map((filter, index) => {
        const paramName = `tagValue_${index}`;
        paramSchemaExtension[paramName] = z.string();

        switch (filter.operator) {
          case "is":
            return `has(tags, {${paramName}: String})`;
          case "contains":
            return `arrayExists(tag -> position(tag, {${paramName}: String}) > 0, tags)`;
          case "startsWith":
            return `arrayExists(tag -> startsWith(tag, {${paramName}: String}), tags)`;
          case "endsWith":
            return `arrayExists(tag -> endsWith(tag, {${paramName}: String}), tags)`;
          default:
            return null;
        }
      })
      .filter(Boolean);

    if (tagConditions.length > 0) {
      conditions.push(`(${tagConditions.join(" AND ")})`);
    }
  }

  return {
    whereClause: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "",
    paramSchema: verificationTimeseriesParams.extend(paramSchemaExtension),
  };
}

function createVerificationTimeseriesQuerier(interval: TimeInterval) {
  return (ch: Querier) => async (args: VerificationTimeseriesParams) => {
    const { whereClause, paramSchema } = getVerificationTimeseriesWhereClause(args, [
      "time >= fromUnixTimestamp64Milli({startTime: Int64})",
      "time <= fromUnixTimestamp64Milli({endTime: Int64})",
    ]);

    // Create parameters object with filter values
    const parameters = {
      ...args,
      ...(args.keyIds?.reduce(
        (acc, filter, index) => ({
          // biome-ignore lint/performance/noAccumulatingSpread: We don't care about the spread syntax warning here
          ...acc,
          [`keyIdValue_${index}`]: filter.value,
        }),
        {},
      ) ?? {}),
      ...(args.tags?.reduce(
        (acc, filter, index) => ({
          // biome-ignore lint/performance/noAccumulatingSpread: We don't care about the spread syntax warning here
          ...acc,
          [`tagValue_${index}`]: filter.value,
        }),
        {},
      ) ?? {}),
      ...(args.outcomes?.reduce(
        (acc, filter, index) => ({
          // biome-ignore lint/performance/noAccumulatingSpread: We don't care about the spread syntax warning here
          ...acc,
          [`outcomeValue_${index}`]: filter.value,
        }),
        {},
      ) ?? {}),
    };

    return ch.query({
      query: createVerificationTimeseriesQuery(interval, whereClause),
      params: paramSchema,
      schema: verificationTimeseriesDataPoint,
    })(parameters);
  };
}

/**
 * Expands a time window outward to bucket boundaries so an overview chart
 * agrees with the drill-down view of the same slot.
 *
 * The per-minute table is naturally partitioned at minute boundaries, so
 * a drill-down query always returns the full content of every row it
 * touches. The overview regroups those rows into wider buckets (30m, 1h,
 * etc). If the user's `startTime`/`endTime` falls mid-bucket, the WHERE
 * filter drops minute rows that belong to the edge buckets but sit
 * outside the exact range — those buckets show a partial number. Click
 * into the same slot at finer granularity and the value jumps, because
 * the drill-down sums every minute row in the bucket.
 *
 * Aligning the window to the bucket grid makes the overview sum the
 * same rows the drill-down sees.
 *
 * Tradeoff: the first bucket starts at the boundary before `startTime`
 * and the last ends at the boundary after `endTime`, so edge buckets
 * can cover up to one bucket-width beyond what the user picked.
 *
 * @example
 *   30-min granularity, user picks 03:56:39 → 15:56:39 (UTC).
 *   Aligned to 03:30:00 → 15:59:59.999.
 *   Slot `03:30` sums all 30 minute rows (1568).
 *   Without alignment, overview shows 146 (last 3 min only); drill-down
 *   still returns 1568 → drift.
 */
function alignWindowToInterval(
  interval: TimeInterval,
  startTime: number,
  endTime: number,
): { startTime: number; endTime: number } {
  const msPerUnit = MS_PER_INTERVAL_STEP[interval.step];
  if (!msPerUnit) {
    throw new Error(
      `Unsupported interval step: ${interval.step}. Expected one of: MINUTE, HOUR, DAY, MONTH`,
    );
  }
  const stepMs = msPerUnit * interval.stepSize;

  return {
    startTime: Math.floor(startTime / stepMs) * stepMs,
    // -1ms so `time <= endTime` stays exclusive of the next bucket's first row
    endTime: Math.ceil(endTime / stepMs) * stepMs - 1,
  };
}

async function batchVerificationTimeseries(
  ch: Querier,
  interval: TimeInterval,
  args: VerificationTimeseriesParams,
  maxBatchSize = 15,
) {
  const alignedArgs = { ...args, ...alignWindowToInterval(interval, args.startTime, args.endTime) };

  if (
    !alignedArgs.keyIds ||
    alignedArgs.keyIds.length === 0 ||
    alignedArgs.keyIds.length <= maxBatchSize
  ) {
    return (await createVerificationTimeseriesQuerier(interval)(ch)(alignedArgs)).val;
  }

  const keyIdBatches: { value: string; operator: "is" | "contains" }[][] = [];
  for (let i = 0; i < alignedArgs.keyIds.length; i += maxBatchSize) {
    keyIdBatches.push(alignedArgs.keyIds.slice(i, i + maxBatchSize));
  }

  const batchResults = await Promise.allSettled(
    keyIdBatches.map(async (batchKeyIds, batchIndex) => {
      const batchArgs = {
        ...alignedArgs,
        keyIds: batchKeyIds,
      };
      try {
        const res = await createVerificationTimeseriesQuerier(interval)(ch)(batchArgs);
        if (res?.val) {
          return res.val;
        }
        return res; // Return res directly if no .val
      } catch (error) {
        console.error(`Batch ${batchIndex} query failed:`, error);
        return [];
      }
    }),
  );

  const successfulResults = batchResults
    .filter((result) => result.status === "fulfilled")
    .map((result) => (result as PromiseFulfilledResult<VerificationTimeseriesDataPoint[]>).value)
    .filter((value) => Array.isArray(value));

  return mergeVerificationTimeseriesResults(successfulResults);
}

function mergeVerificationTimeseriesResults(
  results: VerificationTimeseriesDataPoint[][],
): VerificationTimeseriesDataPoint[] {
  const mergedMap = new Map<number, VerificationTimeseriesDataPoint>();

  results.forEach((resultBatch) => {
    resultBatch.forEach((dataPoint) => {
      if (!dataPoint) {
        return; // Skip undefined or null points
      }
      const existingPoint = mergedMap.get(dataPoint.x);

      if (existingPoint) {
        mergedMap.set(dataPoint.x, {
          x: dataPoint.x,
          y: {
            total: (existingPoint.y.total ?? 0) + (dataPoint.y.total ?? 0),
            valid: (existingPoint.y.valid ?? 0) + (dataPoint.y.valid ?? 0),
            valid_count: (existingPoint.y.valid_count ?? 0) + (dataPoint.y.valid_count ?? 0),
            rate_limited_count:
              (existingPoint.y.rate_limited_count ?? 0) + (dataPoint.y.rate_limited_count ?? 0),
            insufficient_permissions_count:
              (existingPoint.y.insufficient_permissions_count ?? 0) +
              (dataPoint.y.insufficient_permissions_count ?? 0),
            forbidden_count:
              (existingPoint.y.forbidden_count ?? 0) + (dataPoint.y.forbidden_count ?? 0),
            disabled_count:
              (existingPoint.y.disabled_count ?? 0) + (dataPoint.y.disabled_count ?? 0),
            expired_count: (existingPoint.y.expired_count ?? 0) + (dataPoint.y.expired_count ?? 0),
            usage_exceeded_count:
              (existingPoint.y.usage_exceeded_count ?? 0) + (dataPoint.y.usage_exceeded_count ?? 0),
          },
        });
      } else {
        mergedMap.set(dataPoint.x, dataPoint);
      }
    });
  });

  // Convert map back to sorted array
  return Array.from(mergedMap.values()).sort((a, b) => a.x - b.x);
}

// Minute-based timeseries
export const getMinutelyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.minute, args);
export const getFiveMinutelyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.fiveMinutes, args);
export const getFifteenMinutelyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.fifteenMinutes, args);
export const getThirtyMinutelyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.thirtyMinutes, args);

// Hour-based timeseries
export const getHourlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.hour, args);
export const getTwoHourlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.twoHours, args);
export const getFourHourlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.fourHours, args);
export const getSixHourlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.sixHours, args);
export const getTwelveHourlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.twelveHours, args);

// Day-based timeseries
export const getDailyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.day, args);
export const getThreeDayVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.threeDays, args);
export const getWeeklyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.week, args);

// Month-based timeseries
export const getMonthlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.month, args);
export const getQuarterlyVerificationTimeseries =
  (ch: Querier) => (args: VerificationTimeseriesParams) =>
    batchVerificationTimeseries(ch, INTERVALS.quarter, args);

// IDENTITY TIMESERIES - Aggregated timeseries from multiple keys across keyspaces
export const identityTimeseriesParams = z.object({
  workspaceId: z.string(),
  keyIds: z.array(z.string()),
  startTime: z.int(),
  endTime: z.int(),
  tags: z
    .array(
      z.object({
        value: z.string(),
        operator: z.enum(["is", "contains", "startsWith", "endsWith"]),
      }),
    )
    .nullable(),
  outcomes: z
    .array(
      z.object({
        value: z.enum(KEY_VERIFICATION_OUTCOMES),
        operator: z.literal("is"),
      }),
    )
    .nullable(),
});

export type IdentityTimeseriesParams = z.infer<typeof identityTimeseriesParams>;

type ExtendedParamsIdentityTimeseries = IdentityTimeseriesParams & {
  [key: string]: unknown;
};

function createIdentityTimeseriesQuery(interval: TimeInterval, whereClause: string) {
  const intervalUnit = {
    MINUTE: "minute",
    HOUR: "hour",
    DAY: "day",
    MONTH: "month",
  }[interval.step];

  const msPerUnit = MS_PER_INTERVAL_STEP[interval.step];
  if (!msPerUnit) {
    throw new Error(
      `Unsupported interval step: ${interval.step}. Expected one of: MINUTE, HOUR, DAY, MONTH`,
    );
  }
  const stepMs = msPerUnit * interval.stepSize;

  return `
    SELECT
      toUnixTimestamp64Milli(CAST(toStartOfInterval(time, INTERVAL ${interval.stepSize} ${intervalUnit}) AS DateTime64(3))) as x,
    map(
      'total', SUM(count),
      'valid', SUM(IF(outcome = 'VALID', count, 0)),
      'rate_limited_count', SUM(IF(outcome = 'RATE_LIMITED', count, 0)),
      'insufficient_permissions_count', SUM(IF(outcome = 'INSUFFICIENT_PERMISSIONS', count, 0)),
      'forbidden_count', SUM(IF(outcome = 'FORBIDDEN', count, 0)),
      'disabled_count', SUM(IF(outcome = 'DISABLED', count, 0)) ,
      'expired_count',SUM(IF(outcome = 'EXPIRED', count, 0)) ,
      'usage_exceeded_count', SUM(IF(outcome = 'USAGE_EXCEEDED', count, 0))
      ) as y
    FROM ${interval.table}
    ${whereClause}
    GROUP BY x
    ORDER BY x ASC
    WITH FILL
      FROM toUnixTimestamp64Milli(CAST(toStartOfInterval(toDateTime(fromUnixTimestamp64Milli({startTime: Int64})), INTERVAL ${interval.stepSize} ${intervalUnit}) AS DateTime64(3)))
      TO toUnixTimestamp64Milli(CAST(toStartOfInterval(toDateTime(fromUnixTimestamp64Milli({endTime: Int64})), INTERVAL ${interval.stepSize} ${intervalUnit}) AS DateTime64(3))) + ${stepMs}
      STEP ${stepMs}`;
}

function getIdentityTimeseriesWhereClause(
  params: IdentityTimeseriesParams,
  additionalConditions: string[] = [],
): { whereClause: string; paramSchema: z.ZodType<unknown> } {
  const conditions = ["workspace_id = {workspaceId: String}", ...additionalConditions];

  // Create parameter schema extension
  const paramSchemaExtension: Record<string, z.ZodType> = {};

  // Build keyIds condition - this is the key difference from regular verification timeseries
  if (params.keyIds && params.keyIds.length > 0) {
    const keyIdConditions = params.keyIds
      .map((_keyId, index) => {
        const paramName = `keyId_${index}`;
        paramSchemaExtension[paramName] = z.string();
        return `key_id = {${paramName}: String}`;
      })
      .join(" OR ");

    if (keyIdConditions.length > 0) {
      conditions.push(`(${keyIdConditions})`);
    }
  }

  // Add outcomes filter conditions
  if (params.outcomes?.length) {
    const outcomeConditions = params.outcomes
      .map((filter, index) => {
        const paramName = `outcomeValue_${index}`;
        paramSchemaExtension[paramName] = z.string();

        if (filter.operator === "is") {
          return `outcome = {${paramName}: String}`;
        }
        return null;
      })
      .filter(Boolean)
      .join(" OR ");

    if (outcomeConditions.length > 0) {
      conditions.push(`(${outcomeConditions})`);
    }
  }

  // Handle tags filter
  if (params.tags && params.tags.length > 0) {
    const tagConditions = params.tags
      .map((filter, index) => {
        const paramName = `tagValue_${index}`;
        paramSchemaExtension[paramName] = z.string();

        switch (filter.operator) {
          case "is":
            return `has(tags, {${paramName}: String})`;
          case "contains":
            return `arrayExists(tag -> position(tag, {${paramName}: String}) > 0, tags)`;
          case "startsWith":
            return `arrayExists(tag -> startsWith(tag, {${paramName}: String}), tags)`;
          case "endsWith":
            return `arrayExists(tag -> endsWith(tag, {${paramName}: String}), tags)`;
          default:
            return null;
        }
      })
      .filter(Boolean);

    if (tagConditions.length > 0) {
      conditions.push(`(${tagConditions.join(" AND ")})`);
    }
  }

  return {
    whereClause: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "",
    paramSchema: identityTimeseriesParams.extend(paramSchemaExtension),
  };
}

function createIdentityTimeseriesQuerier(interval: TimeInterval) {
  return (ch: Querier) => async (args: IdentityTimeseriesParams) => {
    if (!args.keyIds || args.keyIds.length === 0) {
      return { val: [] };
    }

    const alignedArgs = {
      ...args,
      ...alignWindowToInterval(interval, args.startTime, args.endTime),
    };

    const { whereClause, paramSchema } = getIdentityTimeseriesWhereClause(alignedArgs, [
      "time >= fromUnixTimestamp64Milli({startTime: Int64})",
      "time <= fromUnixTimestamp64Milli({endTime: Int64})",
    ]);

    // Create parameters object with filter values
    const parameters: ExtendedParamsIdentityTimeseries = {
      ...alignedArgs,
      ...alignedArgs.keyIds.reduce(
        (acc, keyId, index) => ({
          // biome-ignore lint/performance/noAccumulatingSpread: We don't care about the spread syntax warning here
          ...acc,
          [`keyId_${index}`]: keyId,
        }),
        {},
      ),
      ...(alignedArgs.tags?.reduce(
        (acc, filter, index) => ({
          // biome-ignore lint/performance/noAccumulatingSpread: We don't care about the spread syntax warning here
          ...acc,
          [`tagValue_${index}`]: filter.value,
        }),
        {},
      ) ?? {}),
      ...(alignedArgs.outcomes?.reduce(
        (acc, filter, index) => ({
          // biome-ignore lint/performance/noAccumulatingSpread: We don't care about the spread syntax warning here
          ...acc,
          [`outcomeValue_${index}`]: filter.value,
        }),
        {},
      ) ?? {}),
    };

    return ch.query({
      query: createIdentityTimeseriesQuery(interval, whereClause),
      params: paramSchema,
      schema: verificationTimeseriesDataPoint,
    })(parameters);
  };
}

// Identity timeseries functions for all granularities
export const getMinutelyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.minute);
export const getFiveMinutelyIdentityTimeseries = createIdentityTimeseriesQuerier(
  INTERVALS.fiveMinutes,
);
export const getFifteenMinutelyIdentityTimeseries = createIdentityTimeseriesQuerier(
  INTERVALS.fifteenMinutes,
);
export const getThirtyMinutelyIdentityTimeseries = createIdentityTimeseriesQuerier(
  INTERVALS.thirtyMinutes,
);
export const getHourlyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.hour);
export const getTwoHourlyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.twoHours);
export const getFourHourlyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.fourHours);
export const getSixHourlyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.sixHours);
export const getTwelveHourlyIdentityTimeseries = createIdentityTimeseriesQuerier(
  INTERVALS.twelveHours,
);
export const getDailyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.day);
export const getThreeDayIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.threeDays);
export const getWeeklyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.week);
export const getMonthlyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.month);
export const getQuarterlyIdentityTimeseries = createIdentityTimeseriesQuerier(INTERVALS.quarter);
