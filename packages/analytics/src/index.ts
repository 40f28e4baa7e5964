export { AnalyticsError, type AnalyticsErrorCode, analyticsErrorCodes } from './analytics-error.js';
export {
  type CellDrift,
  type CellDriftOptions,
  type CellDriftResult,
  cellDrift,
} from './cells/cell-drift.js';
export { type CellSpread, type CellSpreadOptions, cellSpread } from './cells/cell-spread.js';
export type { DriftSlope } from './cells/drift-slope.js';
export { DEFAULT_REST_CURRENT_DA, type LoadCondition, loadCondition } from './cells/load-condition.js';
export {
  type CellSeriesPoint,
  type ModuleDrift,
  type ModuleDriftResult,
  moduleDrift,
} from './cells/module-drift.js';
export { rankWeakCells, type WeakCell } from './cells/rank-weak-cells.js';
export type { CellReading } from './cells/read-cell-grid.js';
export {
  type ConditionedSnapshot,
  type ConditionSpread,
  type SpreadByCondition,
  spreadByCondition,
} from './cells/spread-by-condition.js';
export {
  type BusCounters,
  type BusItemOptions,
  busItem,
  DEFAULT_BUS_OPTIONS,
  type GatewayBusReading,
} from './commissioning/bus-item.js';
export {
  type CellSpreadItemOptions,
  CHECKLIST_FULL_CHARGE_SOC_PCT,
  cellSpreadItem,
  DEFAULT_CELL_SPREAD_OPTIONS,
  type SpreadSample,
  type StringAfterFullCharge,
} from './commissioning/cell-spread-item.js';
export {
  CHECKLIST_ITEM_IDS,
  type ChecklistItem,
  type ChecklistItemId,
  type ChecklistState,
  type EvidenceValue,
} from './commissioning/checklist-item.js';
export { clockItem, DEFAULT_MAX_CLOCK_SKEW_S, type GatewayClockReading } from './commissioning/clock-item.js';
export {
  type CommissioningChecklist,
  type CommissioningInput,
  type CommissioningOptions,
  commissioningChecklist,
  DEFAULT_COMMISSIONING_OPTIONS,
} from './commissioning/commissioning-checklist.js';
export { firstDataItem, type StringFirstData } from './commissioning/first-data-item.js';
export { type ExpectedString, topologyItem } from './commissioning/topology-item.js';
export {
  type ConnectivityEvent,
  type ConnectivityEventsResult,
  connectivityEvents,
} from './connectivity/connectivity-events.js';
export { type ConnectivityStatus, connectivityStatus } from './connectivity/connectivity-status.js';
export {
  type DailyCompleteness,
  type DailyCompletenessOptions,
  type DayCompleteness,
  dailyCompleteness,
} from './connectivity/daily-completeness.js';
export { DEFAULT_MISSED_INTERVALS, type StaleRule } from './connectivity/stale-rule.js';
export {
  type EnergyPoint,
  type EnergyThroughput,
  type EnergyThroughputOptions,
  energyThroughput,
} from './energy/energy-throughput.js';
export { MODULE_NOMINAL_WH, stringNominalWh } from './energy/string-nominal-wh.js';
export {
  DEFAULT_TEMPERATURE_EDGES_DC,
  type TemperatureBand,
  type TemperatureExposure,
  type TemperatureExposureOptions,
  type TemperaturePoint,
  temperatureExposure,
} from './exposure/temperature-exposure.js';
export {
  type SocPoint,
  type TimeAtHighSoc,
  type TimeAtHighSocOptions,
  timeAtHighSoc,
} from './exposure/time-at-high-soc.js';
export {
  type AnalyseFleetOptions,
  analyseFleet,
  type FleetAnalysis,
  type StringAnalysis,
} from './fleet-intel/analyse-fleet.js';
export type { CohortBaseline } from './fleet-intel/cohort-baselines.js';
export { type CohortComparison, cohortComparisons } from './fleet-intel/cohort-comparison.js';
export {
  type AgeBand,
  ageBandOf,
  type ClimateZone,
  type CohortKey,
  climateZoneOf,
  type UsageProfile,
  usageProfileOf,
} from './fleet-intel/cohort-key.js';
export {
  FINDING_KINDS,
  type Finding,
  type FindingEvidence,
  type FindingKind,
} from './fleet-intel/finding.js';
export {
  FINDING_TEXT_LANGUAGES,
  type FindingTextLanguage,
  findingExplanation,
  isFindingKind,
} from './fleet-intel/finding-text.js';
export { FLEET_INTEL_THRESHOLDS } from './fleet-intel/finding-thresholds.js';
export type { StringDay, StringHistory, StringMeta } from './fleet-intel/string-day.js';
export { FULL_CHARGE_SOC_PCT, type StringFeatures, stringFeatures } from './fleet-intel/string-features.js';
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
export { currentLimitA, MODULE_NOMINAL_AH } from './warranty/current-limit.js';
export {
  type Excursion,
  type ExcursionKind,
  type ExtremesBucket,
  findExcursions,
  type ProtectionTrip,
} from './warranty/excursions.js';
export { guaranteedSohPct } from './warranty/guaranteed-soh.js';
export {
  type DailySoh,
  type SohAgainstGuarantee,
  type SohProjection,
  sohAgainstGuarantee,
} from './warranty/soh-against-guarantee.js';
export { type TermWindow, termWindow } from './warranty/term-window.js';
export {
  type DailyEnergy,
  type ThroughputProjection,
  type ThroughputUsed,
  throughputUsed,
} from './warranty/throughput-used.js';
export { type TimeUsed, timeUsed } from './warranty/time-used.js';
export {
  type WarrantyDay,
  type WarrantyGap,
  type WarrantyStatus,
  type WarrantyStatusInput,
  warrantyStatus,
} from './warranty/warranty-status.js';
export type { OperatingLimits, WarrantyTermsInput } from './warranty/warranty-terms.js';
