// Calendar arithmetic in a site's time zone with nothing but Intl, so server and browser agree
// and no time-zone library is needed. An owner thinks in the local day of their house.

/** The wall clock of `date` in `timeZone` as UTC fields (a Date whose UTC reading is the local time). */
function wallClock(date: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(
    Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    ),
  );
}

/** Offset of `timeZone` from UTC at `date`, in ms (+3 600 000 for Berlin in winter). */
function offsetMs(date: Date, timeZone: string): number {
  return wallClock(date, timeZone).getTime() - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The instant the local day containing `now` began in `timeZone`. The offset is taken twice:
 * once at `now`, once at the guessed midnight, so a DST change during the day is accounted for.
 */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const local = wallClock(now, timeZone);
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const guess = midnightAsUtc - offsetMs(now, timeZone);
  return new Date(midnightAsUtc - offsetMs(new Date(guess), timeZone));
}

/** `YYYY-MM-DD` of the local day of `date` in `timeZone`. */
export function localDayKey(date: Date, timeZone: string): string {
  return wallClock(date, timeZone).toISOString().slice(0, 10);
}

/**
 * "14:05" when `ts` is on the same local day as `now`, else "24 Nov, 14:05" (locale's words):
 * what "Offline since …" needs, in the site's own time.
 */
export function formatLocalTime(ts: string, now: number, timeZone: string, locale: string): string {
  const date = new Date(ts);
  const sameDay = localDayKey(date, timeZone) === localDayKey(new Date(now), timeZone);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  }).format(date);
}

/** A calendar date (`2026-11-25` or an ISO instant) as the locale writes it, e.g. "25 Nov 2026". */
export function formatDate(value: string, locale: string): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(date);
}
