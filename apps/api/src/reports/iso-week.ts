const DAY = 86_400_000;

export interface IsoWeek {
  /** ISO 8601 week label, e.g. 2027-W02. */
  isoWeek: string;
  /** Monday 00:00 UTC. */
  from: Date;
  /** The next Monday 00:00 UTC (end exclusive). */
  to: Date;
}

/** The ISO week (Monday-based, UTC) that contains `at`. */
export function isoWeekOf(at: Date): IsoWeek {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const from = day - weekday * DAY;
  // The ISO year is the year of the week's Thursday; week 1 holds that year's first Thursday.
  const thursday = new Date(from + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return {
    isoWeek: `${year}-W${String(week).padStart(2, '0')}`,
    from: new Date(from),
    to: new Date(from + 7 * DAY),
  };
}

/** The last complete ISO week before `now`: what a report sent this week covers. */
export function lastCompleteIsoWeek(now: Date): IsoWeek {
  return isoWeekOf(new Date(isoWeekOf(now).from.getTime() - DAY));
}
