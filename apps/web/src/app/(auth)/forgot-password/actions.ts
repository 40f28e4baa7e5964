'use server';

import { getI18n } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import type { FormState } from '../_lib/form-state';

export type ForgotPasswordState = FormState<'email'>;

/**
 * Asks the API to mail a reset link. The API answers 202 whether or not the address has an
 * account, and so does this page: the same sentence either way.
 */
export async function requestPasswordReset(
  _previous: ForgotPasswordState,
  form: FormData,
): Promise<ForgotPasswordState> {
  const { forgotPassword: m, common } = (await getI18n()).t.accounts;
  const email = String(form.get('email') ?? '').trim();
  const values = { email };
  if (!email) {
    return { values, fieldErrors: { email: m.missingEmail } };
  }
  const result = await callApi({}, (api) => api.POST('/api/auth/password-reset', { body: { email } }));
  if (result.ok) {
    return { values, done: true };
  }
  if (result.status === 400) {
    return { values, fieldErrors: { email: m.invalidEmail } };
  }
  return { values, error: result.status === 429 ? common.rateLimited : common.unreachable };
}
