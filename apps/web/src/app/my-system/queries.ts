import { notFound } from 'next/navigation';
import { getLocale } from '../../i18n/server';
import { allSites } from '../../lib/api/all-sites';
import { type ApiResult, callApi } from '../../lib/api/client';
import type { components } from '../../lib/api/schema.gen';
import type { SiteSummary } from '../../lib/api/types';
import {
  dailyHistory,
  energySum,
  type HistoryDay,
  type HistoryRange,
  historyWindow,
} from '../../lib/owner/daily-history';
import type { OwnerAlarm } from '../../lib/owner/health-report';
import { startOfLocalDay } from '../../lib/owner/local-time';
import type { PackReading } from '../../lib/owner/system-state';
import { type OwnerWarranty, readOwnerWarranty } from '../../lib/owner/warranty-view';
import { redirectToLogin } from '../../lib/session';

// The owner portal's reads. The page's frame (own sites, the chosen site) must load or the error
// boundary shows; each section below it degrades on its own (null = "could not load" in that
// section), so a slow history does not hide today's values.

export type NotificationPreferences = components['schemas']['NotificationPreferences'];

/** The value, a redirect to sign in for a refused token, or an error for the boundary. */
function must<T>(result: ApiResult<T>, what: string): T {
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load ${what}: ${result.message}`);
}

/** The value, or null when the call failed (the section says so); 401 still signs out. */
function orNull<T>(result: ApiResult<T>): T | null {
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  return null;
}

/** The caller's sites: for an owner, exactly the sites it was invited to (the API's scope). */
export async function ownedSites(token: string): Promise<SiteSummary[]> {
  return must(await allSites(token), 'your sites');
}

/** The site's time zone; another owner's site is not found here like anywhere else. */
export async function siteTimezone(token: string, id: string): Promise<string> {
  const result = await callApi({ token }, (api) => api.GET('/api/sites/{id}', { params: { path: { id } } }));
  if (!result.ok && (result.status === 404 || result.status === 400)) {
    notFound();
  }
  return must(result, 'the site').timezone;
}

/** The newest sample of each string (null: none yet), in the order of `ids`. */
export async function latestReadings(token: string, ids: readonly string[]): Promise<(PackReading | null)[]> {
  return Promise.all(
    ids.map(async (id) => {
      const result = await callApi({ token }, (api) =>
        api.GET('/api/strings/{id}/latest', { params: { path: { id } } }),
      );
      if (result.ok) {
        return result.data;
      }
      if (result.status === 404) {
        return null;
      }
      return must(result, 'the latest values');
    }),
  );
}

type Bucket = '1h' | '1d';

async function trendPoints(token: string, id: string, range: { from: Date; to: Date }, bucket: Bucket) {
  const query = { from: range.from.toISOString(), to: range.to.toISOString(), bucket };
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/trend', { params: { path: { id }, query } }),
  );
  return orNull(result)?.points ?? null;
}

/** Energy charged and discharged since local midnight at the site, from the hourly rollups. */
export async function energyToday(
  token: string,
  ids: readonly string[],
  timeZone: string,
  now: Date,
): Promise<{ inWh: number; outWh: number } | null> {
  const range = { from: startOfLocalDay(now, timeZone), to: new Date(now.getTime() + 3_600_000) };
  const points = await Promise.all(ids.map((id) => trendPoints(token, id, range, '1h')));
  return points.every((p) => p !== null) ? energySum(points) : null;
}

/** The last `days` days, summed over the strings; null when a string's trend failed. */
export async function history(
  token: string,
  ids: readonly string[],
  days: HistoryRange,
  now: Date,
): Promise<HistoryDay[] | null> {
  const window = historyWindow(now, days);
  const points = await Promise.all(ids.map((id) => trendPoints(token, id, window, '1d')));
  return points.every((p) => p !== null) ? dailyHistory(points, window) : null;
}

/** Open and acknowledged alarms of the site that concern the shown strings (or the whole site), titles in the page's language. */
export async function ownerAlarms(
  token: string,
  siteId: string,
  ids: readonly string[],
): Promise<OwnerAlarm[] | null> {
  const query = { site: siteId, status: 'open,acknowledged', limit: 50 };
  const list = orNull(
    await callApi({ token, locale: await getLocale() }, (api) =>
      api.GET('/api/alarms', { params: { query } }),
    ),
  );
  return list?.items.filter((a) => a.stringId === null || ids.includes(a.stringId)) ?? null;
}

export type WarrantyResult =
  | { kind: 'shown'; warranty: OwnerWarranty }
  | { kind: 'not-set-up' }
  | { kind: 'failed' };

/** GET /api/strings/{id}/warranty: shown, "not set up yet" (no terms, region or commissioning), or failed. */
export async function warrantyOf(token: string, id: string): Promise<WarrantyResult> {
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/warranty', { params: { path: { id }, query: { excursionLimit: 1 } } }),
  );
  if (!result.ok) {
    if (result.status === 401) {
      redirectToLogin('expired');
    }
    return result.status === 404 ? { kind: 'not-set-up' } : { kind: 'failed' };
  }
  const warranty = readOwnerWarranty(result.data);
  return warranty ? { kind: 'shown', warranty } : { kind: 'not-set-up' };
}

/** The caller's own notification preferences (the API's defaults until saved). */
export async function notificationPreferences(token: string): Promise<NotificationPreferences | null> {
  return orNull(await callApi({ token }, (api) => api.GET('/api/me/notification-preferences')));
}

/** The VAPID key browsers subscribe with; null when the API has push off (or did not answer). */
export async function pushKey(token: string): Promise<string | null> {
  return orNull(await callApi({ token }, (api) => api.GET('/api/me/webpush-key')))?.publicKey ?? null;
}
