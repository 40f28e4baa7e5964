// Wall-clock arithmetic in an IANA time zone with Intl only (no tz library): enough for quiet
// hours and digest times, which are minutes of a local day.

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone name Intl knows (e.g. `Europe/Berlin`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(at: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const p = parts(at, timeZone);
  return { year: p.year!, month: p.month!, day: p.day!, minutes: p.hour! * 60 + p.minute! };
}

/** Offset of the zone from UTC at `at`, in ms (Berlin in winter: +3_600_000). */
function offsetMs(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant when the zone's clock shows `minutes` on the given local day (`dayOffset` days
 * later). Two passes settle the offset across a DST change; a wall time skipped by DST lands
 * on the hour after.
 */
export function zonedInstant(day: LocalTime, minutes: number, timeZone: string, dayOffset = 0): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day + dayOffset, 0, minutes);
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** `HH:MM` → minutes since midnight; undefined when malformed. */
export function parseHhMm(value: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}
