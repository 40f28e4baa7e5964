'use server';

import { revalidatePath } from 'next/cache';
import { interpolate } from '../../../../i18n/dictionary';
import { getI18n } from '../../../../i18n/server';
import { callApi } from '../../../../lib/api/client';
import { readSessionToken } from '../../../../lib/session';
import { parsePeriod } from './parse-period';

export interface RequestPackState {
  error?: string;
  fieldErrors?: { from?: string; to?: string };
  done?: boolean;
  /** Form values to show again after a refusal. */
  values?: { from: string; to: string };
}

/** Asks the API for a new pack of the string (bound to its id by the page). */
export async function requestEvidencePack(
  stringId: string,
  _previous: RequestPackState,
  form: FormData,
): Promise<RequestPackState> {
  const { t } = await getI18n();
  const p = t.evidence.problems;
  const values = { from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') };
  const period = parsePeriod(values.from, values.to, p);
  if (!period.ok) {
    return { fieldErrors: period.fieldErrors, values };
  }
  const token = await readSessionToken();
  const result = await callApi({ token: token ?? '' }, (api) =>
    api.POST('/api/strings/{id}/evidence-packs', {
      params: { path: { id: stringId } },
      body: { from: period.from, to: period.to },
    }),
  );
  if (!result.ok) {
    return { error: interpolate(p.api, { message: result.message }), values };
  }
  revalidatePath(`/strings/${stringId}/evidence`);
  return { done: true, values };
}
