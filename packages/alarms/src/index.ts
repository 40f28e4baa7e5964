// Public surface of @fleet/alarms: the alarm catalogue, derived-alarm conditions and rule
// evaluation, all pure (no I/O, no clock: time is always an argument).
export { AlarmsError, type AlarmsErrorCode, alarmsErrorCodes } from './alarms-error.js';
export { ALARM_CATALOGUE } from './catalogue/catalogue.js';
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
export { decodeAlarmConditions } from './conditions/decode-alarm-conditions.js';
export {
  type ActiveCondition,
  decodeWordConditions,
  type WordConditions,
} from './conditions/decode-word-conditions.js';
