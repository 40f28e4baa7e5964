'use server';

import { revalidatePath } from 'next/cache';
import { callApi } from '../../lib/api/client';
import { readSessionToken } from '../../lib/session';
import { fleetApiQuery, fleetSearch, parseFleetQuery } from './fleet-query';
import type { FleetPage } from './fleet-types';

export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

async function withToken<T>(run: (token: string) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const token = await readSessionToken();
  return token ? run(token) : { ok: false, message: 'not signed in' };
}

/** The page after `cursor` for the view in `search` (parsed again: an action is an endpoint). */
export async function loadFleetPage(search: string, cursor: string): Promise<Outcome<FleetPage>> {
  const query = parseFleetQuery(new URLSearchParams(search));
  return withToken(async (token) => {
    const result = await callApi({ token }, (api) =>
      api.GET('/api/fleet', { params: { query: fleetApiQuery(query, cursor) } }),
    );
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
  });
}

export interface ViewFormState {
  outcome?: 'saved' | 'deleted' | 'failed';
  name?: string;
  message?: string;
}

/** Saves the current view (its canonical query) under a name; the same name replaces it. */
export async function saveView(_: ViewFormState, form: FormData): Promise<ViewFormState> {
  const name = String(form.get('name') ?? '').trim();
  const query = fleetSearch(parseFleetQuery(new URLSearchParams(String(form.get('query') ?? ''))));
  const outcome = await withToken(async (token) => {
    const result = await callApi({ token }, (api) => api.POST('/api/saved-views', { body: { name, query } }));
    return result.ok
      ? { ok: true as const, data: result.data }
      : { ok: false as const, message: result.message };
  });
  if (!outcome.ok) {
    return { outcome: 'failed', name, message: outcome.message };
  }
  revalidatePath('/fleet');
  return { outcome: 'saved', name: outcome.data.name };
}

export async function deleteView(_: ViewFormState, form: FormData): Promise<ViewFormState> {
  const id = String(form.get('id') ?? '');
  const outcome = await withToken(async (token) => {
    const result = await callApi({ token }, (api) =>
      api.DELETE('/api/saved-views/{id}', { params: { path: { id } } }),
    );
    return result.ok ? { ok: true as const, data: null } : { ok: false as const, message: result.message };
  });
  if (!outcome.ok) {
    return { outcome: 'failed', message: outcome.message };
  }
  revalidatePath('/fleet');
  return { outcome: 'deleted' };
}
