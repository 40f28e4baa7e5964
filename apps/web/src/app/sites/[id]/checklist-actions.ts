'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { interpolate } from '../../../i18n/dictionary';
import { getI18n } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import { readSessionToken } from '../../../lib/session';

export interface CompleteState {
  done?: boolean;
  error?: string;
}

/** Completes the site's commissioning; the API refuses (409) while an item has not passed, and says which. */
export async function completeCommissioning(
  siteId: string,
  _previous: CompleteState,
): Promise<CompleteState> {
  const { t } = await getI18n();
  const p = t.checklist.problems;
  const token = await readSessionToken();
  if (!token) {
    redirect('/login?reason=expired');
  }
  const result = await callApi({ token }, (api) =>
    api.POST('/api/sites/{id}/commissioning/complete', { params: { path: { id: siteId } } }),
  );
  if (!result.ok) {
    if (result.status === 0) {
      return { error: p.unreachable };
    }
    const template = result.status === 409 ? p.conflict : p.api;
    return { error: interpolate(template, { message: result.message }) };
  }
  revalidatePath(`/sites/${siteId}`);
  return { done: true };
}
