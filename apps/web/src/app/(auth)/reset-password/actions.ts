'use server';

import { redirect } from 'next/navigation';
import { callApi } from '../../../lib/api/client';
import { apiFieldOf } from '../_lib/api-field';
import type { FormState } from '../_lib/form-state';
import { checkNewPassword } from '../_lib/new-password';
import { resetPasswordMessages as m } from './messages';

export type ResetPasswordState = FormState<'password' | 'confirm'> & {
  /** The link itself is bad: the form is replaced by a pointer to a new one. */
  badLink?: boolean;
};

/** Sets the new password with the mailed token; success goes to sign in with a notice. */
export async function resetPassword(
  _previous: ResetPasswordState,
  form: FormData,
): Promise<ResetPasswordState> {
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  const problem = checkNewPassword(password, String(form.get('confirm') ?? ''));
  if (problem) {
    return { fieldErrors: { [problem.field]: m.problems[problem.problem] } };
  }
  const result = await callApi({}, (api) =>
    api.POST('/api/auth/password-reset/confirm', { body: { token, password } }),
  );
  if (result.ok) {
    redirect('/login?reason=password-reset');
  }
  if (result.status === 400) {
    return apiFieldOf(result.message) === 'password'
      ? { fieldErrors: { password: result.message.replace(/^password:\s*/, '') } }
      : { badLink: true, error: m.badLink };
  }
  return { error: result.status === 429 ? m.rateLimited : m.unreachable };
}
