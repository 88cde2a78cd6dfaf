// Barrel file for converter modules

// Assertions
export {
  parseHttpAssertions,
  parseDnsAssertions,
  protoHttpAssertionsToService,
  protoDnsAssertionsToService,
  type HttpAssertions,
  type MonitorAssertionInput,
} from "./assertions";

// Comparators
export {
  compareToNumberComparator,
  compareToStringComparator,
  compareToRecordComparator,
  numberComparatorToString,
  stringComparatorToString,
  recordComparatorToString,
} from "./comparators";

// Defaults
export { MONITOR_DEFAULTS } from "./defaults";

// Enums
export {
  stringToPeriodicity,
  periodicityToString,
  stringToHttpMethod,
  httpMethodToString,
  stringToMonitorStatus,
  timeRangeToKey,
  type TimeRangeKey,
} from "./enums";

// Headers
export {
  toProtoHeaders,
  parseOpenTelemetry,
  protoHeadersToService,
  protoOpenTelemetryToService,
} from "./headers";

// Monitors
export {
  dbMonitorToHttpProto,
  dbMonitorToTcpProto,
  dbMonitorToDnsProto,
} from "./monitors";

// Regions
export {
  stringToRegion,
  regionToString,
  stringsToRegions,
  regionsToStrings,
  regionsToDbString,
  validateRegions,
} from "./regions";
