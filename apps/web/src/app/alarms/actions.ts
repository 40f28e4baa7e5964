'use server';

import { revalidatePath } from 'next/cache';
import { callApi } from '../../lib/api/client';
import type { AlarmList, BulkAcknowledgeResult } from '../../lib/api/types';
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
    const result = await callApi({ token }, (api) =>
      api.GET('/api/alarms', { params: { query: alarmQuery(clean, cursor) } }),
    );
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
  });
}

/** Bulk acknowledge; the API acknowledges each alarm on its own and lists the refused ones. */
export async function acknowledgeAlarms(ids: string[]): Promise<Outcome<BulkAcknowledgeResult>> {
  const unique = [...new Set(ids.filter((id) => typeof id === 'string'))].slice(0, 200);
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
