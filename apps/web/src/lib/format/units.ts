import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';

// The one place the dashboard turns numbers into text with units. Each value has a fixed number
// of decimals per unit (so columns line up and a value never jumps between "3.3" and "3.31"),
// the locale's decimal sign (246.9 V / 246,9 V; grouping only for energy and counts, cell
// voltages read as 3350 mV), a no-break space before the unit, and a dash for a value the BMS did not report. The integer wire units (0.1 V, 0.1 A,
// 0.1 °C) have their own entry points so no page divides by ten itself.

/** Shown for a value that was not reported. */
export const MISSING = '—';
const UNIT_SPACE = '\u00a0';

type Maybe = number | null | undefined;

export interface UnitFormatter {
  locale: Locale;
  volts(v: Maybe): string;
  /** Positive = charging, shown with a plus sign; zero without sign. */
  amps(a: Maybe): string;
  percent(p: Maybe): string;
  /** A share to 0.1 % (data completeness: 97.4 %), where whole percent would hide a missing hour. */
  percentTenths(p: Maybe): string;
  celsius(c: Maybe): string;
  millivolts(mv: Maybe): string;
  kilowattHours(kwh: Maybe): string;
  /** Power, one decimal and no sign (the words say charging or discharging). */
  kilowatts(kw: Maybe): string;
  /** Wire units of the telemetry contract: 0.1 V, 0.1 A, 0.1 °C. */
  voltsDv(dv: Maybe): string;
  ampsDa(da: Maybe): string;
  celsiusDc(dc: Maybe): string;
  /** A plain count with grouping (12,345 / 12.345). */
  count(n: Maybe): string;
}

const present = (value: Maybe): value is number => typeof value === 'number' && Number.isFinite(value);

export function createUnitFormatter(locale: Locale): UnitFormatter {
  const fixed = (digits: number, options: { signed?: boolean; grouped?: boolean } = {}) =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: options.signed ? 'exceptZero' : 'auto',
      useGrouping: options.grouped ?? false,
    });
  const oneDecimal = fixed(1);
  const signedOneDecimal = fixed(1, { signed: true });
  const whole = fixed(0);
  const grouped = fixed(0, { grouped: true });
  const kwh = fixed(1, { grouped: true });
  const unit = (nf: Intl.NumberFormat, symbol: string) => (value: Maybe) =>
    present(value) ? `${nf.format(value === 0 ? 0 : value)}${UNIT_SPACE}${symbol}` : MISSING;
  const tenth = (f: (v: Maybe) => string) => (value: Maybe) => f(present(value) ? value / 10 : value);
  const volts = unit(oneDecimal, 'V');
  const amps = unit(signedOneDecimal, 'A');
  const celsius = unit(oneDecimal, '°C');
  return {
    locale,
    volts,
    amps,
    percent: unit(whole, '%'),
    percentTenths: unit(oneDecimal, '%'),
    celsius,
    millivolts: unit(whole, 'mV'),
    kilowattHours: unit(kwh, 'kWh'),
    kilowatts: unit(oneDecimal, 'kW'),
    voltsDv: tenth(volts),
    ampsDa: tenth(amps),
    celsiusDc: tenth(celsius),
    count: (n) => (present(n) ? grouped.format(n) : MISSING),
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 min ago" / "vor 5 min". `now` is an argument so server and browser render the same text; a
 * time slightly in the future (clock skew) reads as 0 s rather than a negative age.
 */
export function formatAge(ts: string | null | undefined, now: number, t: Dictionary): string {
  if (ts === null || ts === undefined) {
    return t.common.never;
  }
  const then = Date.parse(ts);
  if (!Number.isFinite(then)) {
    return t.common.unknown;
  }
  const ms = Math.max(0, now - then);
  const [template, size] =
    ms < MINUTE
      ? [t.age.seconds, SECOND]
      : ms < HOUR
        ? [t.age.minutes, MINUTE]
        : ms < DAY
          ? [t.age.hours, HOUR]
          : [t.age.days, DAY];
  return interpolate(template, { n: Math.floor(ms / size) });
}

/**
 * `2026-11-25T12:00:03Z` → "2026-11-25 12:00 UTC" in every locale, identical on server and
 * browser. Not for a site's times: those are on the site's clock (`formatSiteTime` in
 * site-time.ts); fleet-level pages use `formatUtcTime` there, which writes the date as the
 * language does.
 */
export function formatUtcMinute(ts: string | null | undefined): string {
  if (!ts) {
    return MISSING;
  }
  const date = new Date(ts);
  return Number.isNaN(date.getTime()) ? MISSING : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
