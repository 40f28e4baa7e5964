'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { interpolate } from '../../../../i18n/dictionary';
import { getI18n } from '../../../../i18n/server';
import { callApi } from '../../../../lib/api/client';
import { readSessionToken } from '../../../../lib/session';

export interface ClaimFormState {
  claimed?: { id: string; name: string };
  error?: string;
  fieldErrors?: { code?: string; name?: string };
  values?: { code: string; name: string };
}

/**
 * Claims the gateway whose code was typed or scanned on this site. The API checks the code (its
 * check character catches typos) and refuses a second claim of it with 409, shown in words here.
 */
export async function claimGateway(
  siteId: string,
  _previous: ClaimFormState,
  form: FormData,
): Promise<ClaimFormState> {
  const { t } = await getI18n();
  const p = t.claim.problems;
  const values = { code: String(form.get('code') ?? '').trim(), name: String(form.get('name') ?? '').trim() };
  const fieldErrors = { ...(values.code ? {} : { code: p.code }), ...(values.name ? {} : { name: p.name }) };
  if (fieldErrors.code || fieldErrors.name) {
    return { fieldErrors, values };
  }
  const token = await readSessionToken();
  if (!token) {
    redirect('/login?reason=expired');
  }
  const result = await callApi({ token }, (api) =>
    api.POST('/api/sites/{id}/claims', { params: { path: { id: siteId } }, body: values }),
  );
  if (!result.ok) {
    if (result.status === 409) {
      return { fieldErrors: { code: p.taken }, values };
    }
    if (result.status === 400 && result.message.startsWith('code: ')) {
      return { fieldErrors: { code: result.message.slice('code: '.length) }, values };
    }
    return {
      error: result.status === 0 ? p.unreachable : interpolate(p.api, { message: result.message }),
      values,
    };
  }
  revalidatePath(`/sites/${siteId}`);
  return { claimed: { id: result.data.id, name: result.data.name } };
}
