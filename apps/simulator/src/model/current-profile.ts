// The current a site asks of the string over a day, in C-rate (fraction of capacity per
// hour), + = charging: overnight base load, a morning peak, solar charging around noon, an
// evening discharge. Roughly energy-balanced over a day, so SOC swings without drifting away.

const HOUR = 3600;

/** Requested C-rate at a time of day (seconds since midnight, UTC). */
export function profileCRate(secondOfDay: number): number {
  const h = (((secondOfDay % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR)) / HOUR;
  if (h < 6) {
    return -0.05;
  }
  if (h < 9) {
    return -0.1;
  }
  if (h < 16) {
    return 0.4 * Math.sin((Math.PI * (h - 9)) / 7) + 0.02;
  }
  if (h < 17) {
    return 0;
  }
  if (h < 23) {
    return -0.2 - 0.05 * Math.sin((Math.PI * (h - 17)) / 6);
  }
  return -0.05;
}
