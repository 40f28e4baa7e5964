'use server';

import { redirect } from 'next/navigation';
import { getI18n } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import { newPasswordMessage } from '../_lib/account-texts';
import { apiFieldOf } from '../_lib/api-field';
import type { FormState } from '../_lib/form-state';
import { checkNewPassword } from '../_lib/new-password';

export type ResetPasswordState = FormState<'password' | 'confirm'> & {
  /** The link itself is bad: the form points to asking for a new one. */
  badLink?: boolean;
};

/** Sets the new password with the mailed token; success goes to sign in with a notice. */
export async function resetPassword(
  _previous: ResetPasswordState,
  form: FormData,
): Promise<ResetPasswordState> {
  const texts = (await getI18n()).t.accounts;
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  const problem = checkNewPassword(password, String(form.get('confirm') ?? ''));
  if (problem) {
    return { fieldErrors: { password: newPasswordMessage(texts, problem) } };
  }
  const result = await callApi({}, (api) =>
    api.POST('/api/auth/password-reset/confirm', { body: { token, password } }),
  );
  if (result.ok) {
    redirect('/login?reason=password-reset');
  }
  if (result.status === 400) {
    // The rules are checked above, so a password complaint here is the API's own wording.
    return apiFieldOf(result.message) === 'password'
      ? { fieldErrors: { password: result.message.replace(/^password:\s*/, '') } }
      : { badLink: true, error: texts.resetPassword.badLink };
  }
  return { error: result.status === 429 ? texts.common.rateLimited : texts.common.unreachable };
}
