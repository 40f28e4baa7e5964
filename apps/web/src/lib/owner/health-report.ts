import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import { formatAge, type UnitFormatter } from '../format/units';
import { OFFLINE_AFTER_MS } from './system-state';

// The "health in plain words" paragraph of the owner portal. Deciding what to say is kept apart
// from saying it, so the rules are tested without a dictionary and the wording without data.

/** An alarm as the owner hears of it: the title in words; the code only for the installer. */
export interface OwnerAlarm {
  title: string;
  code: string;
  status: 'open' | 'acknowledged' | 'resolved' | 'closed';
}

export interface HealthInput {
  /** The weakest string's state of health (%), null when none has reported. */
  sohPct: number | null;
  /** The widest cell spread (max − min, mV) among the strings' newest samples. */
  cellSpreadMv: number | null;
  /** The newest sample of any string. */
  lastSampleAt: string | null;
  alarms: readonly OwnerAlarm[];
  now: number;
}

export type HealthSentence =
  | { key: 'noData' | 'healthy' | 'ageing' | 'worn' | 'wornAdvice' | 'noAlarms' | 'cellsBalanced' }
  | { key: 'holds'; sohPct: number }
  | { key: 'cellsUneven' | 'cellsImbalanced'; spreadMv: number }
  | { key: 'notified' | 'working'; titles: string[] }
  | { key: 'fresh' | 'stale'; at: string };

/**
 * Thresholds follow the alarm defaults (packages/alarms default-rules): SOH below 80 % is the
 * `derived.soh_low` warning and below 70 % its critical level; a cell spread of 30 mV is the
 * `derived.cell_imbalance` warning and 50 mV its critical level.
 */
export const SOH_AGEING_BELOW_PCT = 80;
export const SOH_WORN_BELOW_PCT = 70;
export const SPREAD_UNEVEN_FROM_MV = 30;
export const SPREAD_IMBALANCED_FROM_MV = 50;

/** What to tell the owner, in order: condition, capacity, cells, alarms, freshness of the data. */
export function healthReport(input: HealthInput): HealthSentence[] {
  const out: HealthSentence[] = [];
  if (input.lastSampleAt === null || input.sohPct === null) {
    out.push({ key: 'noData' });
  } else {
    out.push(...capacitySentences(input.sohPct), ...cellSentences(input.cellSpreadMv));
  }
  out.push(...alarmSentences(input.alarms));
  if (input.lastSampleAt !== null) {
    const stale = input.now - Date.parse(input.lastSampleAt) > OFFLINE_AFTER_MS;
    out.push({ key: stale ? 'stale' : 'fresh', at: input.lastSampleAt });
  }
  return out;
}

function capacitySentences(sohPct: number): HealthSentence[] {
  const holds = { key: 'holds', sohPct } as const;
  if (sohPct < SOH_WORN_BELOW_PCT) {
    return [{ key: 'worn' }, holds, { key: 'wornAdvice' }];
  }
  return [{ key: sohPct < SOH_AGEING_BELOW_PCT ? 'ageing' : 'healthy' }, holds];
}

function cellSentences(spreadMv: number | null): HealthSentence[] {
  if (spreadMv === null) {
    return [];
  }
  if (spreadMv >= SPREAD_IMBALANCED_FROM_MV) {
    return [{ key: 'cellsImbalanced', spreadMv }];
  }
  return [spreadMv >= SPREAD_UNEVEN_FROM_MV ? { key: 'cellsUneven', spreadMv } : { key: 'cellsBalanced' }];
}

/** Open alarms: the installer was notified; acknowledged ones: the installer is on it. */
function alarmSentences(alarms: readonly OwnerAlarm[]): HealthSentence[] {
  const titlesOf = (status: OwnerAlarm['status']) => [
    ...new Set(alarms.filter((a) => a.status === status).map((a) => a.title)),
  ];
  const open = titlesOf('open');
  const working = titlesOf('acknowledged');
  const out: HealthSentence[] = [];
  if (open.length > 0) {
    out.push({ key: 'notified', titles: open });
  }
  if (working.length > 0) {
    out.push({ key: 'working', titles: working });
  }
  return out.length > 0 ? out : [{ key: 'noAlarms' }];
}

/** At most this many titles are named; the rest are counted. */
export const MAX_TITLES = 3;

/** `“A”`, `“A” and “B”`, `“A”, “B” and “C”`, `“A”, “B”, “C” and 2 more`. */
export function titleList(titles: readonly string[], t: Dictionary): string {
  const words = t.owner.health;
  const quoted = titles.map((title) => interpolate(words.quoted, { title }));
  if (quoted.length > MAX_TITLES) {
    const named = quoted.slice(0, MAX_TITLES).join(', ');
    return interpolate(words.listMore, { list: named, n: quoted.length - MAX_TITLES });
  }
  if (quoted.length <= 1) {
    return quoted[0] ?? '';
  }
  return interpolate(words.listAnd, { first: quoted.slice(0, -1).join(', '), last: quoted.at(-1) ?? '' });
}

/** One sentence in the reader's language. */
export function sayHealth(s: HealthSentence, t: Dictionary, units: UnitFormatter, now: number): string {
  const words = t.owner.health;
  switch (s.key) {
    case 'holds':
      return interpolate(words.holds, { soh: units.percent(s.sohPct) });
    case 'cellsUneven':
    case 'cellsImbalanced':
      return interpolate(words[s.key], { spread: units.millivolts(s.spreadMv) });
    case 'notified':
    case 'working':
      return interpolate(words[s.key], { list: titleList(s.titles, t) });
    case 'fresh':
    case 'stale':
      return interpolate(words[s.key], { age: formatAge(s.at, now, t) });
    default:
      return words[s.key];
  }
}

/** The whole paragraph. */
export function healthParagraph(input: HealthInput, t: Dictionary, units: UnitFormatter): string {
  return healthReport(input)
    .map((s) => sayHealth(s, t, units, input.now))
    .join(' ');
}
