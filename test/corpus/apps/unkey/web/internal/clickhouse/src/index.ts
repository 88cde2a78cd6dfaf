import { getAuditLogs } from "./audit-logs";
import { getBillableRatelimits, getBillableVerifications } from "./billing";
import { getBuildStepLogs, getBuildSteps } from "./build-steps";
import {
  getActiveKeysByApp,
  getActiveKeysUsage,
  getDeployMeterUsage,
  getDeployUsageByScope,
} from "./deploy_billing";
export {
  type ActiveKeysUsage,
  activeKeysUsage,
  type DeployMeterUsage,
  deployMeterUsage,
  type DeployUsageByScope,
  deployUsageByScope,
  type ActiveKeysByApp,
  activeKeysByApp,
} from "./deploy_billing";
import { Client, type Inserter, Noop, type Querier } from "./client";
import { getInstanceEvents } from "./instance-events";
export { instanceEventKind, type InstanceEventKind } from "./instance-events";
import {
  getDailyActiveKeysTimeseries,
  getFifteenMinutelyActiveKeysTimeseries,
  getFiveMinutelyActiveKeysTimeseries,
  getFourHourlyActiveKeysTimeseries,
  getHourlyActiveKeysTimeseries,
  getMinutelyActiveKeysTimeseries,
  getMonthlyActiveKeysTimeseries,
  getQuarterlyActiveKeysTimeseries,
  getSixHourlyActiveKeysTimeseries,
  getThirtyMinutelyActiveKeysTimeseries,
  getThreeDayActiveKeysTimeseries,
  getTwelveHourlyActiveKeysTimeseries,
  getTwoHourlyActiveKeysTimeseries,
  getWeeklyActiveKeysTimeseries,
} from "./keys/active_keys";
import { getKeysOverviewLogs } from "./keys/keys";
import { getLatestVerifications } from "./latest_verifications";
import {
  getDailyLogsTimeseries,
  getFifteenMinuteLogsTimeseries,
  getFiveMinuteLogsTimeseries,
  getFourHourlyLogsTimeseries,
  getHourlyLogsTimeseries,
  getLogs,
  getMinutelyLogsTimeseries,
  getMonthlyLogsTimeseries,
  getQuarterlyLogsTimeseries,
  getSixHourlyLogsTimeseries,
  getThirtyMinuteLogsTimeseries,
  getThreeDayLogsTimeseries,
  getTwelveHourlyLogsTimeseries,
  getTwoHourlyLogsTimeseries,
  getWeeklyLogsTimeseries,
} from "./logs";
import {
  getBatchDailyRatelimitTimeseries,
  getBatchFifteenMinuteRatelimitTimeseries,
  getBatchFiveMinuteRatelimitTimeseries,
  getBatchFourHourlyRatelimitTimeseries,
  getBatchHourlyRatelimitTimeseries,
  getBatchMinutelyRatelimitTimeseries,
  getBatchMonthlyRatelimitTimeseries,
  getBatchQuarterlyRatelimitTimeseries,
  getBatchSixHourlyRatelimitTimeseries,
  getBatchThirtyMinuteRatelimitTimeseries,
  getBatchThreeDayRatelimitTimeseries,
  getBatchTwelveHourlyRatelimitTimeseries,
  getBatchTwoHourlyRatelimitTimeseries,
  getBatchWeeklyRatelimitTimeseries,
  getDailyLatencyTimeseries,
  getDailyRatelimitTimeseries,
  getFifteenMinuteLatencyTimeseries,
  getFifteenMinuteRatelimitTimeseries,
  getFiveMinuteLatencyTimeseries,
  getFiveMinuteRatelimitTimeseries,
  getFourHourlyLatencyTimeseries,
  getFourHourlyRatelimitTimeseries,
  getHourlyLatencyTimeseries,
  getHourlyRatelimitTimeseries,
  getMinutelyLatencyTimeseries,
  getMinutelyRatelimitTimeseries,
  getMonthlyLatencyTimeseries,
  getMonthlyRatelimitTimeseries,
  getQuarterlyLatencyTimeseries,
  getQuarterlyRatelimitTimeseries,
  getRatelimitLastUsed,
  getRatelimitLogEnrichment,
  getRatelimitLogs,
  getRatelimitOverviewLogs,
  getSixHourlyLatencyTimeseries,
  getSixHourlyRatelimitTimeseries,
  getThirtyMinuteLatencyTimeseries,
  getThirtyMinuteRatelimitTimeseries,
  getThreeDayLatencyTimeseries,
  getThreeDayRatelimitTimeseries,
  getTwelveHourlyLatencyTimeseries,
  getTwelveHourlyRatelimitTimeseries,
  getTwoHourlyLatencyTimeseries,
  getTwoHourlyRatelimitTimeseries,
  getWeeklyLatencyTimeseries,
  getWeeklyRatelimitTimeseries,
  insertRatelimit,
} from "./ratelimits";
import { insertApiRequest } from "./requests";
import {
  getResourceCpuTimeseries,
  getResourceDiskTimeseries,
  getResourceInstanceCountTimeseries,
  getResourceMemoryTimeseries,
  getResourceNetworkEgressTimeseries,
  getResourceNetworkIngressTimeseries,
  getResourceSummary,
} from "./resources";
export { TIME_WINDOWS, type TimeWindow } from "./resources";
import {
  getDeploymentLatencyWithTimeseries,
  getDeploymentRpsTimeseries,
  getInstanceRps,
  getRegionRps,
  getRequestLogs,
} from "./frontline";
import { getEnvironmentRequests } from "./frontline/environment-requests";
import { getRuntimeLogs } from "./runtime-logs";
import { getActiveWorkspacesPerMonth } from "./success";
import { insertSDKTelemetry } from "./telemetry";
import {
  getDailyIdentityTimeseries,
  getDailyVerificationTimeseries,
  getFifteenMinutelyIdentityTimeseries,
  getFifteenMinutelyVerificationTimeseries,
  getFiveMinutelyIdentityTimeseries,
  getFiveMinutelyVerificationTimeseries,
  getFourHourlyIdentityTimeseries,
  getFourHourlyVerificationTimeseries,
  getHourlyIdentityTimeseries,
  getHourlyVerificationTimeseries,
  getIdentityLogs,
  getKeyDetailsLogs,
  // Identity timeseries functions
  getMinutelyIdentityTimeseries,
  getMinutelyVerificationTimeseries,
  getMonthlyIdentityTimeseries,
  getMonthlyVerificationTimeseries,
  getQuarterlyIdentityTimeseries,
  getQuarterlyVerificationTimeseries,
  getSixHourlyIdentityTimeseries,
  getSixHourlyVerificationTimeseries,
  getThirtyMinutelyIdentityTimeseries,
  getThirtyMinutelyVerificationTimeseries,
  getThreeDayIdentityTimeseries,
  getThreeDayVerificationTimeseries,
  getTwelveHourlyIdentityTimeseries,
  getTwelveHourlyVerificationTimeseries,
  getTwoHourlyIdentityTimeseries,
  getTwoHourlyVerificationTimeseries,
  getWeeklyIdentityTimeseries,
  getWeeklyVerificationTimeseries,
} from "./verifications";

export type ClickHouseConfig =
  | {
      url?: string;
      insertUrl?: never;
      queryUrl?: never;
      requestTimeoutMs?: number;
    }
  | {
      url?: never;
      insertUrl: string;
      queryUrl: string;
      requestTimeoutMs?: number;
    };

export class ClickHouse {
  public readonly querier: Querier;
  public readonly inserter: Inserter;

  constructor(config: ClickHouseConfig) {
    if (config.url) {
      const client = new Client({ url: config.url, request_timeout: config.requestTimeoutMs });
      this.querier = client;
      this.inserter = client;
    } else if (config.queryUrl && config.insertUrl) {
      this.querier = new Client({ url: config.queryUrl, request_timeout: config.requestTimeoutMs });
      this.inserter = new Client({
        url: config.insertUrl,
        request_timeout: config.requestTimeoutMs,
      });
    } else {
      this.querier = new Noop();
      this.inserter = new Noop();
    }
  }

  static fromEnv(): ClickHouse {
    return new ClickHouse({ url: process.env.CLICKHOUSE_URL });
  }

  public get verifications() {
    return {
      latest: getLatestVerifications(this.querier),
      timeseries: {
        // Minute-based granularity
        perMinute: getMinutelyVerificationTimeseries(this.querier),
        per5Minutes: getFiveMinutelyVerificationTimeseries(this.querier),
        per15Minutes: getFifteenMinutelyVerificationTimeseries(this.querier),
        per30Minutes: getThirtyMinutelyVerificationTimeseries(this.querier),
        // Hour-based granularity
        perHour: getHourlyVerificationTimeseries(this.querier),
        per2Hours: getTwoHourlyVerificationTimeseries(this.querier),
        per4Hours: getFourHourlyVerificationTimeseries(this.querier),
        per6Hours: getSixHourlyVerificationTimeseries(this.querier),
        per12Hours: getTwelveHourlyVerificationTimeseries(this.querier),
        // Day-based granularity
        perDay: getDailyVerificationTimeseries(this.querier),
        per3Days: getThreeDayVerificationTimeseries(this.querier),
        perWeek: getWeeklyVerificationTimeseries(this.querier),
        // Month-based granularity
        perMonth: getMonthlyVerificationTimeseries(this.querier),
        perQuarter: getQuarterlyVerificationTimeseries(this.querier),
      },
      activeKeysTimeseries: {
        // Minute-based granularity
        perMinute: getMinutelyActiveKeysTimeseries(this.querier),
        per5Minutes: getFiveMinutelyActiveKeysTimeseries(this.querier),
        per15Minutes: getFifteenMinutelyActiveKeysTimeseries(this.querier),
        per30Minutes: getThirtyMinutelyActiveKeysTimeseries(this.querier),
        // Hour-based granularity
        perHour: getHourlyActiveKeysTimeseries(this.querier),
        per2Hours: getTwoHourlyActiveKeysTimeseries(this.querier),
        per4Hours: getFourHourlyActiveKeysTimeseries(this.querier),
        per6Hours: getSixHourlyActiveKeysTimeseries(this.querier),
        per12Hours: getTwelveHourlyActiveKeysTimeseries(this.querier),
        // Day-based granularity
        perDay: getDailyActiveKeysTimeseries(this.querier),
        per3Days: getThreeDayActiveKeysTimeseries(this.querier),
        perWeek: getWeeklyActiveKeysTimeseries(this.querier),
        // Month-based granularity
        perMonth: getMonthlyActiveKeysTimeseries(this.querier),
        perQuarter: getQuarterlyActiveKeysTimeseries(this.querier),
      },
    };
  }
  public get ratelimits() {
    return {
      insert: insertRatelimit(this.inserter),
      logs: getRatelimitLogs(this.querier),
      logEnrichment: getRatelimitLogEnrichment(this.querier),
      latest: getRatelimitLastUsed(this.querier),
      timeseries: {
        perMinute: getMinutelyRatelimitTimeseries(this.querier),
        per5Minutes: getFiveMinuteRatelimitTimeseries(this.querier),
        per15Minutes: getFifteenMinuteRatelimitTimeseries(this.querier),
        per30Minutes: getThirtyMinuteRatelimitTimeseries(this.querier),
        perHour: getHourlyRatelimitTimeseries(this.querier),
        per2Hours: getTwoHourlyRatelimitTimeseries(this.querier),
        per4Hours: getFourHourlyRatelimitTimeseries(this.querier),
        per6Hours: getSixHourlyRatelimitTimeseries(this.querier),
        per12Hours: getTwelveHourlyRatelimitTimeseries(this.querier),
        perDay: getDailyRatelimitTimeseries(this.querier),
        per3Days: getThreeDayRatelimitTimeseries(this.querier),
        perWeek: getWeeklyRatelimitTimeseries(this.querier),
        perMonth: getMonthlyRatelimitTimeseries(this.querier),
        perQuarter: getQuarterlyRatelimitTimeseries(this.querier),
        latency: {
          perMinute: getMinutelyLatencyTimeseries(this.querier),
          per5Minutes: getFiveMinuteLatencyTimeseries(this.querier),
          per15Minutes: getFifteenMinuteLatencyTimeseries(this.querier),
          per30Minutes: getThirtyMinuteLatencyTimeseries(this.querier),
          perHour: getHourlyLatencyTimeseries(this.querier),
          per2Hours: getTwoHourlyLatencyTimeseries(this.querier),
          per4Hours: getFourHourlyLatencyTimeseries(this.querier),
          per6Hours: getSixHourlyLatencyTimeseries(this.querier),
          per12Hours: getTwelveHourlyLatencyTimeseries(this.querier),
          perDay: getDailyLatencyTimeseries(this.querier),
          per3Days: getThreeDayLatencyTimeseries(this.querier),
          perWeek: getWeeklyLatencyTimeseries(this.querier),
          perMonth: getMonthlyLatencyTimeseries(this.querier),
          perQuarter: getQuarterlyLatencyTimeseries(this.querier),
        },
      },
      overview: {
        logs: getRatelimitOverviewLogs(this.querier),
      },
      batchTimeseries: {
        perMinute: getBatchMinutelyRatelimitTimeseries(this.querier),
        per5Minutes: getBatchFiveMinuteRatelimitTimeseries(this.querier),
        per15Minutes: getBatchFifteenMinuteRatelimitTimeseries(this.querier),
        per30Minutes: getBatchThirtyMinuteRatelimitTimeseries(this.querier),
        perHour: getBatchHourlyRatelimitTimeseries(this.querier),
        per2Hours: getBatchTwoHourlyRatelimitTimeseries(this.querier),
        per4Hours: getBatchFourHourlyRatelimitTimeseries(this.querier),
        per6Hours: getBatchSixHourlyRatelimitTimeseries(this.querier),
        per12Hours: getBatchTwelveHourlyRatelimitTimeseries(this.querier),
        perDay: getBatchDailyRatelimitTimeseries(this.querier),
        per3Days: getBatchThreeDayRatelimitTimeseries(this.querier),
        perWeek: getBatchWeeklyRatelimitTimeseries(this.querier),
        perMonth: getBatchMonthlyRatelimitTimeseries(this.querier),
        perQuarter: getBatchQuarterlyRatelimitTimeseries(this.querier),
      },
    };
  }
  public get billing() {
    return {
      billableVerifications: getBillableVerifications(this.querier),
      billableRatelimits: getBillableRatelimits(this.querier),
      deployMeterUsage: getDeployMeterUsage(this.querier),
      deployUsageByScope: getDeployUsageByScope(this.querier),
      activeKeysByApp: getActiveKeysByApp(this.querier),
      activeKeysUsage: getActiveKeysUsage(this.querier),
    };
  }
  public get api() {
    return {
      insert: insertApiRequest(this.inserter),
      logs: getLogs(this.querier),
      keys: {
        logs: getKeysOverviewLogs(this.querier),
      },
      key: {
        logs: getKeyDetailsLogs(this.querier),
      },
      identity: {
        logs: getIdentityLogs(this.querier),
        timeseries: {
          // Minute-based granularity
          perMinute: getMinutelyIdentityTimeseries(this.querier),
          per5Minutes: getFiveMinutelyIdentityTimeseries(this.querier),
          per15Minutes: getFifteenMinutelyIdentityTimeseries(this.querier),
          per30Minutes: getThirtyMinutelyIdentityTimeseries(this.querier),
          // Hour-based granularity
          perHour: getHourlyIdentityTimeseries(this.querier),
          per2Hours: getTwoHourlyIdentityTimeseries(this.querier),
          per4Hours: getFourHourlyIdentityTimeseries(this.querier),
          per6Hours: getSixHourlyIdentityTimeseries(this.querier),
          per12Hours: getTwelveHourlyIdentityTimeseries(this.querier),
          // Day-based granularity
          perDay: getDailyIdentityTimeseries(this.querier),
          per3Days: getThreeDayIdentityTimeseries(this.querier),
          perWeek: getWeeklyIdentityTimeseries(this.querier),
          // Month-based granularity
          perMonth: getMonthlyIdentityTimeseries(this.querier),
          perQuarter: getQuarterlyIdentityTimeseries(this.querier),
        },
      },
      timeseries: {
        perMinute: getMinutelyLogsTimeseries(this.querier),
        per5Minutes: getFiveMinuteLogsTimeseries(this.querier),
        per15Minutes: getFifteenMinuteLogsTimeseries(this.querier),
        per30Minutes: getThirtyMinuteLogsTimeseries(this.querier),
        perHour: getHourlyLogsTimeseries(this.querier),
        per2Hours: getTwoHourlyLogsTimeseries(this.querier),
        per4Hours: getFourHourlyLogsTimeseries(this.querier),
        per6Hours: getSixHourlyLogsTimeseries(this.querier),
        per12Hours: getTwelveHourlyLogsTimeseries(this.querier),
        perDay: getDailyLogsTimeseries(this.querier),
        per3Days: getThreeDayLogsTimeseries(this.querier),
        perWeek: getWeeklyLogsTimeseries(this.querier),
        perMonth: getMonthlyLogsTimeseries(this.querier),
        perQuarter: getQuarterlyLogsTimeseries(this.querier),
      },
    };
  }
  public get business() {
    return {
      activeWorkspaces: getActiveWorkspacesPerMonth(this.querier),
    };
  }
  public get telemetry() {
    return {
      insert: insertSDKTelemetry(this.inserter),
    };
  }
  public get resources() {
    return {
      summary: getResourceSummary(this.querier),
      cpu: { timeseries: getResourceCpuTimeseries(this.querier) },
      memory: { timeseries: getResourceMemoryTimeseries(this.querier) },
      disk: { timeseries: getResourceDiskTimeseries(this.querier) },
      instances: { timeseries: getResourceInstanceCountTimeseries(this.querier) },
      network: {
        egress: { timeseries: getResourceNetworkEgressTimeseries(this.querier) },
        ingress: { timeseries: getResourceNetworkIngressTimeseries(this.querier) },
      },
    };
  }
  public get environment() {
    return {
      requests: getEnvironmentRequests(this.querier),
    };
  }
  public get frontline() {
    return {
      logs: getRequestLogs(this.querier),
      rps: {
        byInstance: getInstanceRps(this.querier),
        byRegion: getRegionRps(this.querier),
        timeseries: getDeploymentRpsTimeseries(this.querier),
      },
      latency: {
        withTimeseries: getDeploymentLatencyWithTimeseries(this.querier),
      },
    };
  }
  public get runtimeLogs() {
    return {
      logs: getRuntimeLogs(this.querier),
    };
  }
  public get instanceEvents() {
    return {
      list: getInstanceEvents(this.querier),
    };
  }
  public get buildSteps() {
    return {
      getSteps: getBuildSteps(this.querier),
      getLogs: getBuildStepLogs(this.querier),
    };
  }
  public get auditLogs() {
    return {
      logs: getAuditLogs(this.querier),
    };
  }
}
