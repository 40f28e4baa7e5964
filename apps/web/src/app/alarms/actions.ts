'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import type {
  AlarmList,
  BulkAcknowledgeResult,
  BulkAssignResult,
  BulkResolveResult,
} from '../../lib/api/types';
import { readSessionToken } from '../../lib/session';
import { type AlarmFilters, alarmQuery, parseFilters } from './filters';

export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

async function withToken<T>(run: (token: string) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const token = await readSessionToken();
  return token ? run(token) : { ok: false, message: 'not signed in' };
}

/** "Load more": the page after `cursor` for the same filters (re-validated: this is an endpoint). */
export async function loadMoreAlarms(filters: AlarmFilters, cursor: string): Promise<Outcome<AlarmList>> {
  const clean = parseFilters({ ...filters });
  return withToken(async (token) => {
    const result = await callApi({ token, locale: await getLocale() }, (api) =>
      api.GET('/api/alarms', { params: { query: alarmQuery(clean, cursor) } }),
    );
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
  });
}

/** The ids of a bulk call: strings only, each once, at most what the API takes per call. */
const bulkIds = (ids: unknown): string[] =>
  Array.isArray(ids)
    ? [...new Set(ids.filter((id): id is string => typeof id === 'string'))].slice(0, 200)
    : [];

/** Bulk acknowledge; the API acknowledges each alarm on its own and lists the refused ones. */
export async function acknowledgeAlarms(ids: string[]): Promise<Outcome<BulkAcknowledgeResult>> {
  const unique = bulkIds(ids);
  return withToken(async (token) => {
    const result = await callApi({ token }, (api) =>
      api.POST('/api/alarms/acknowledge', { body: { ids: unique } }),
    );
    if (!result.ok) {
      return { ok: false, message: result.message };
    }
    revalidatePath('/alarms');
    return { ok: true, data: result.data };
  });
}

/** Bulk resolve; each open or acknowledged alarm is resolved, the others come back as refused. */
export async function resolveAlarms(ids: string[]): Promise<Outcome<BulkResolveResult>> {
  const unique = bulkIds(ids);
  return withToken(async (token) => {
    const result = await callApi({ token }, (api) =>
      api.POST('/api/alarms/resolve', { body: { ids: unique } }),
    );
    if (!result.ok) {
      return { ok: false, message: result.message };
    }
    revalidatePath('/alarms');
    return { ok: true, data: result.data };
  });
}

/** Bulk assign to the signed-in user (whose id the API says, never the browser). */
export async function assignAlarmsToMe(ids: string[]): Promise<Outcome<BulkAssignResult>> {
  const unique = bulkIds(ids);
  return withToken(async (token) => {
    const me = await callApi({ token }, (api) => api.GET('/api/me'));
    if (!me.ok) {
      return { ok: false, message: me.message };
    }
    const result = await callApi({ token }, (api) =>
      api.POST('/api/alarms/assign', { body: { ids: unique, userId: me.data.id } }),
    );
    if (!result.ok) {
      return { ok: false, message: result.message };
    }
    revalidatePath('/alarms');
    return { ok: true, data: result.data };
  });
}
