// Public surface of @fleet/alarms: the alarm catalogue, derived-alarm conditions and rule
// evaluation, all pure (no I/O, no clock: time is always an argument).
export { AlarmsError, type AlarmsErrorCode, alarmsErrorCodes } from './alarms-error.js';
export {
  type AlarmLanguage,
  alarmLanguages,
  DEFAULT_ALARM_LANGUAGE,
  isAlarmLanguage,
  type Localized,
} from './catalogue/alarm-language.js';
export { alarmTitle, alarmTitleIn, DERIVED_TITLES } from './catalogue/alarm-title.js';
export { ALARM_CATALOGUE, catalogueFor } from './catalogue/catalogue.js';
export {
  ALARM_CODE_PATTERN,
  type AlarmKind,
  type AlarmProtocol,
  alarmKinds,
  type CatalogueEntry,
  type Confidence,
  catalogueEntrySchema,
  type Severity,
  severities,
  severityRank,
} from './catalogue/catalogue-entry.js';
export { type Catalogue, loadCatalogue } from './catalogue/load-catalogue.js';
export { ALARM_WORDS, type AlarmWord, wordById } from './catalogue/words.table.js';
export { bitObservations } from './conditions/bit-observations.js';
export { decodeAlarmConditions } from './conditions/decode-alarm-conditions.js';
export {
  type ActiveCondition,
  decodeWordConditions,
  type WordConditions,
} from './conditions/decode-word-conditions.js';
// Derived-alarm conditions: plain inputs → a value the evaluator judges
export {
  type CellImbalanceInput,
  type CellImbalanceParams,
  type CellImbalanceReading,
  cellImbalance,
} from './derived/cell-imbalance.js';
export { type DataGapInput, type DataGapReading, dataGap } from './derived/data-gap.js';
export type { DerivedReading } from './derived/derived-reading.js';
export { sohLow } from './derived/soh.js';
export {
  type FadeFit,
  SOH_FADE_PARAMS,
  type SohFadeParams,
  type SohFadeReading,
  type SohFadeVsFleetInput,
  sohFadeParams,
  sohFadeVsFleet,
} from './derived/soh-fade-vs-fleet.js';
export { type SpoolBacklogReading, type SpoolPoint, spoolBacklog } from './derived/spool-backlog.js';
export { type StalenessInput, staleness } from './derived/staleness.js';
export {
  type TemperatureInput,
  type TemperatureReading,
  temperatureRange,
} from './derived/temperature-range.js';
export { type CellDriftInput, type WeakCellReading, weakCell } from './derived/weak-cell.js';
// Rule evaluation
export {
  initialRuleState,
  type RuleEvent,
  type RuleEventType,
  type RulePhase,
  type RuleState,
  type StepResult,
  type Suppression,
} from './evaluator/rule-state.js';
export { type Observation, type Sensed, sense } from './evaluator/sense.js';
export { step } from './evaluator/step.js';
// Rules
export { DEFAULT_RULES, FINDING_RULE_IDS } from './rules/default-rules.js';
export { effectiveRules, ruleFor } from './rules/effective-rules.js';
export { isKnownRuleId, parseRuleSet, type RuleLayer } from './rules/parse-rule-set.js';
export {
  BIT_RULE_IDS,
  type BitRuleId,
  DERIVED_RULE_IDS,
  type DerivedRuleId,
  type Rule,
  type RuleOverride,
  type RuleOverrides,
  type RuleSet,
  ruleOverrideSchema,
  ruleSchema,
  type Thresholds,
} from './rules/rule.schema.js';
