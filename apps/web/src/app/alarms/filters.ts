import type { AlarmSeverity, AlarmStatus } from '../../lib/api/types';

// The inbox filters live in the URL (?status=open&severity=critical&site=<id>), so a filtered
// view can be bookmarked, shared and reloaded. Anything unknown is dropped, never sent on.

export const STATUSES: readonly AlarmStatus[] = ['open', 'acknowledged', 'resolved', 'closed'];
export const SEVERITIES: readonly AlarmSeverity[] = ['critical', 'major', 'warning', 'info'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AlarmFilters {
  status?: AlarmStatus;
  severity?: AlarmSeverity;
  site?: string;
}

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((a) => a === value);
}

export function parseFilters(params: Params): AlarmFilters {
  const status = oneOf(STATUSES, first(params.status));
  const severity = oneOf(SEVERITIES, first(params.severity));
  const site = first(params.site);
  return {
    ...(status ? { status } : {}),
    ...(severity ? { severity } : {}),
    ...(site && UUID.test(site) ? { site } : {}),
  };
}

/** Query of GET /api/alarms for these filters and an optional cursor. */
export function alarmQuery(filters: AlarmFilters, cursor?: string, limit = PAGE_SIZE) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.site ? { site: filters.site } : {}),
    ...(cursor ? { cursor } : {}),
    limit,
  };
}

export const PAGE_SIZE = 25;

export function hasFilters(filters: AlarmFilters): boolean {
  return Boolean(filters.status || filters.severity || filters.site);
}
