'use server';

import { revalidatePath } from 'next/cache';
import { interpolate } from '../../../i18n/dictionary';
import { getI18n } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import { readSessionToken } from '../../../lib/session';
import { parseTopologyForm } from './parse-topology-form';

export interface TopologyFormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  done?: boolean;
}

/** Confirms the site's installed topology (bound to the site id by the section). */
export async function confirmTopology(
  siteId: string,
  _previous: TopologyFormState,
  form: FormData,
): Promise<TopologyFormState> {
  const { t } = await getI18n();
  const p = t.topology.problems;
  const parsed = parseTopologyForm(form, p);
  if (!parsed.ok) {
    return { fieldErrors: parsed.fieldErrors };
  }
  const token = await readSessionToken();
  const result = await callApi({ token: token ?? '' }, (api) =>
    api.POST('/api/sites/{id}/topology/confirm', { params: { path: { id: siteId } }, body: parsed.body }),
  );
  if (!result.ok) {
    return { error: interpolate(p.api, { message: result.message }) };
  }
  revalidatePath(`/sites/${siteId}`);
  return { done: true };
}
