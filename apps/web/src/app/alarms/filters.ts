import type { AlarmSeverity, AlarmStatus } from '../../lib/api/types';

// The inbox filters live in the URL (?status=open&severity=critical&site=<id>&string=<id>), so a filtered
// view can be bookmarked, shared and reloaded. Anything unknown is dropped, never sent on.

export const STATUSES: readonly AlarmStatus[] = ['open', 'acknowledged', 'resolved', 'closed'];
export const SEVERITIES: readonly AlarmSeverity[] = ['critical', 'major', 'warning', 'info'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AlarmFilters {
  status?: AlarmStatus;
  severity?: AlarmSeverity;
  site?: string;
  /** A string of the chosen site. */
  string?: string;
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
  const string = first(params.string);
  return {
    ...(status ? { status } : {}),
    ...(severity ? { severity } : {}),
    ...(site && UUID.test(site) ? { site } : {}),
    ...(string && UUID.test(string) ? { string } : {}),
  };
}

/**
 * The string filter only with a site that has that string: a string alone brings its site along
 * (a link from a string's page), a string left over from another site is dropped.
 */
export function fitStringToSite(
  filters: AlarmFilters,
  sites: readonly { id: string; strings: readonly { id: string }[] }[],
): AlarmFilters {
  if (!filters.string) {
    return filters;
  }
  const owner = sites.find((s) => s.strings.some((x) => x.id === filters.string));
  if (!owner || (filters.site && filters.site !== owner.id)) {
    const { string: _dropped, ...rest } = filters;
    return rest;
  }
  return { ...filters, site: owner.id };
}

/** Query of GET /api/alarms for these filters and an optional cursor. */
export function alarmQuery(filters: AlarmFilters, cursor?: string, limit = PAGE_SIZE) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.site ? { site: filters.site } : {}),
    ...(filters.string ? { string: filters.string } : {}),
    ...(cursor ? { cursor } : {}),
    limit,
  };
}

export const PAGE_SIZE = 25;

export function hasFilters(filters: AlarmFilters): boolean {
  return Boolean(filters.status || filters.severity || filters.site || filters.string);
}
