'use server';

import { revalidatePath } from 'next/cache';
import { interpolate } from '../../../../i18n/dictionary';
import { getI18n } from '../../../../i18n/server';
import { callApi } from '../../../../lib/api/client';
import { readSessionToken } from '../../../../lib/session';
import { parseCommissioningForm, parseRegionForm } from './parse-record-forms';

export interface RecordFormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  done?: boolean;
}

/** Saves the string's commissioning record (bound to the string id by the page). */
export async function saveCommissioning(
  stringId: string,
  _previous: RecordFormState,
  form: FormData,
): Promise<RecordFormState> {
  const { t } = await getI18n();
  const p = t.warranty.string.problems;
  const parsed = parseCommissioningForm(form, p, Date.now());
  if (!parsed.ok) {
    return { fieldErrors: parsed.fieldErrors };
  }
  const token = await readSessionToken();
  const result = await callApi({ token: token ?? '' }, (api) =>
    api.PUT('/api/strings/{id}/commissioning', { params: { path: { id: stringId } }, body: parsed.body }),
  );
  if (!result.ok) {
    return { error: interpolate(p.api, { message: result.message }) };
  }
  revalidatePath(`/strings/${stringId}/warranty`);
  return { done: true };
}

/** Sets the warranty region of the string's site (bound to both ids by the page). */
export async function saveRegion(
  stringId: string,
  siteId: string,
  _previous: RecordFormState,
  form: FormData,
): Promise<RecordFormState> {
  const { t } = await getI18n();
  const p = t.warranty.string.problems;
  const parsed = parseRegionForm(form, p);
  if (!parsed.ok) {
    return { fieldErrors: parsed.fieldErrors };
  }
  const token = await readSessionToken();
  const result = await callApi({ token: token ?? '' }, (api) =>
    api.PUT('/api/sites/{id}/warranty-region', { params: { path: { id: siteId } }, body: parsed.body }),
  );
  if (!result.ok) {
    return { error: interpolate(p.api, { message: result.message }) };
  }
  revalidatePath(`/strings/${stringId}/warranty`);
  return { done: true };
}
