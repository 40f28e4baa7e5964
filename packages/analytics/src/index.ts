export { AnalyticsError, type AnalyticsErrorCode, analyticsErrorCodes } from './analytics-error.js';
export {
  type EnergyPoint,
  type EnergyThroughput,
  type EnergyThroughputOptions,
  energyThroughput,
} from './energy/energy-throughput.js';
export { MODULE_NOMINAL_WH, stringNominalWh } from './energy/string-nominal-wh.js';
export type { RejectCounts } from './series/prepare-series.js';
export { DEFAULT_MAX_GAP_MS, type Gap } from './series/steps.js';
export type { Timestamp } from './series/timestamp.js';
export type { ThresholdProjection } from './soh/project-threshold.js';
export {
  type SohPoint,
  type SohTrend,
  type SohTrendFit,
  type SohTrendInsufficient,
  type SohTrendOptions,
  sohTrend,
} from './soh/soh-trend.js';
