import type { AlarmSeverity } from '@fleet/telemetry';

const RANK: Record<AlarmSeverity, number> = { info: 0, warning: 1, major: 2, critical: 3 };

/** True when `severity` is at least `minimum` (info < warning < major < critical). */
export function atLeast(severity: AlarmSeverity, minimum: AlarmSeverity): boolean {
  return RANK[severity] >= RANK[minimum];
}
