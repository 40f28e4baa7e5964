// The fleet view's whole state lives in the URL (?q=&status=stale,offline&severity=&open=&site=
// &sort=soc&dir=desc), so a view can be bookmarked, shared, reloaded and saved under a name.
// Anything unknown is dropped, never sent on to the API.

export const FLEET_STATUSES = ['charging', 'discharging', 'idle', 'offline', 'stale'] as const;
export const FLEET_SEVERITIES = ['critical', 'major', 'warning', 'info'] as const;
export const FLEET_SORTS = ['name', 'severity', 'soc', 'soh', 'completeness', 'lastSeen'] as const;

export type FleetStatus = (typeof FLEET_STATUSES)[number];
export type FleetSeverity = (typeof FLEET_SEVERITIES)[number];
export type FleetSort = (typeof FLEET_SORTS)[number];

export interface FleetViewQuery {
  q?: string;
  status: FleetStatus[];
  severity: FleetSeverity[];
  /** 'yes': only strings with an open alarm; 'no': only those without. */
  open?: 'yes' | 'no';
  site: string[];
  sort: FleetSort;
  dir: 'asc' | 'desc';
}

export const PAGE_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_Q = 200;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Every value of a parameter, whether repeated (`?status=a&status=b`) or comma-separated. */
function valuesOf(params: Params, name: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat();
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function allowed<T extends string>(values: readonly T[], given: string[]): T[] {
  return values.filter((v) => given.includes(v));
}

export function parseFleetQuery(params: Params): FleetViewQuery {
  const q = valuesOf(params, 'q').join(' ').slice(0, MAX_Q).trim();
  const open = valuesOf(params, 'open')[0];
  const sort = allowed(FLEET_SORTS, valuesOf(params, 'sort'))[0] ?? 'name';
  return {
    ...(q ? { q } : {}),
    status: allowed(FLEET_STATUSES, valuesOf(params, 'status')),
    severity: allowed(FLEET_SEVERITIES, valuesOf(params, 'severity')),
    ...(open === 'yes' || open === 'no' ? { open } : {}),
    site: [...new Set(valuesOf(params, 'site').filter((s) => UUID.test(s)))].slice(0, 100),
    sort,
    dir: valuesOf(params, 'dir')[0] === 'desc' ? 'desc' : 'asc',
  };
}

/** The canonical query string (no `?`): defaults left out, lists comma-joined in a fixed order. */
export function fleetSearch(query: FleetViewQuery): string {
  const out = new URLSearchParams();
  if (query.q) {
    out.set('q', query.q);
  }
  const lists = { status: query.status, severity: query.severity, site: query.site };
  for (const [name, list] of Object.entries(lists)) {
    if (list.length > 0) {
      out.set(name, list.join(','));
    }
  }
  if (query.open) {
    out.set('open', query.open);
  }
  if (query.sort !== 'name') {
    out.set('sort', query.sort);
  }
  if (query.dir === 'desc') {
    out.set('dir', 'desc');
  }
  return out.toString().replaceAll('%2C', ',');
}

export function hasFilters(query: FleetViewQuery): boolean {
  return Boolean(query.q || query.status.length || query.severity.length || query.open || query.site.length);
}

/** Query of GET /api/fleet for this view, a page size and an optional cursor. */
export function fleetApiQuery(query: FleetViewQuery, cursor?: string, limit = PAGE_SIZE) {
  return {
    ...(query.q ? { q: query.q } : {}),
    ...(query.status.length ? { status: query.status.join(',') } : {}),
    ...(query.severity.length ? { severity: query.severity.join(',') } : {}),
    ...(query.open ? { hasOpenAlarm: query.open === 'yes' ? ('true' as const) : ('false' as const) } : {}),
    ...(query.site.length ? { site: query.site.join(',') } : {}),
    sort: query.sort,
    dir: query.dir,
    ...(cursor ? { cursor } : {}),
    limit,
  };
}
