'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { interpolate } from '../../i18n/dictionary';
import { getI18n } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import { readSessionToken } from '../../lib/session';
import { parseTermsForm, TERMS_FIELDS, type TermsField } from './parse-terms-form';

export interface TermsFormState {
  error?: string;
  fieldErrors?: Partial<Record<TermsField, string>>;
  values?: Partial<Record<TermsField, string>>;
}

/**
 * Creates terms, or replaces them when the form carries an id. Problems come back by field in the
 * user's language (checked here first, the API checks again); success returns to the list.
 */
export async function saveTerms(_previous: TermsFormState, form: FormData): Promise<TermsFormState> {
  const { t } = await getI18n();
  const p = t.warranty.terms.problems;
  const values = Object.fromEntries(TERMS_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<
    TermsField,
    string
  >;
  const parsed = parseTermsForm(values, p);
  if (!parsed.ok) {
    return { fieldErrors: parsed.fieldErrors, values };
  }
  const token = await readSessionToken();
  if (!token) {
    redirect('/login?reason=expired');
  }
  const id = String(form.get('id') ?? '');
  const result = await callApi({ token }, (api) =>
    id
      ? api.PUT('/api/warranty-terms/{id}', { params: { path: { id } }, body: parsed.body })
      : api.POST('/api/warranty-terms', { body: parsed.body }),
  );
  if (!result.ok) {
    const message = result.status === 0 ? p.unreachable : interpolate(p.api, { message: result.message });
    return { error: message, values };
  }
  revalidatePath('/warranty-terms');
  redirect('/warranty-terms?saved=1');
}

/** Deletes one set of terms (bound to its id by the list). */
export async function deleteTerms(id: string): Promise<void> {
  const token = await readSessionToken();
  if (!token) {
    redirect('/login?reason=expired');
  }
  const result = await callApi({ token }, (api) =>
    api.DELETE('/api/warranty-terms/{id}', { params: { path: { id } } }),
  );
  if (!result.ok && result.status !== 404) {
    throw new Error(`Could not delete the terms: ${result.message}`);
  }
  revalidatePath('/warranty-terms');
  redirect('/warranty-terms?deleted=1');
}
