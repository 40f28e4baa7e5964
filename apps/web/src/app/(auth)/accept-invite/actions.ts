'use server';

import { redirect } from 'next/navigation';
import { getI18n } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import { type AccountTexts, newPasswordMessage } from '../_lib/account-texts';
import { apiFieldOf } from '../_lib/api-field';
import type { FormState } from '../_lib/form-state';
import { checkNewPassword } from '../_lib/new-password';
import { startSession } from '../_lib/session-cookie';
import { landingPath } from './landing-path';

type Field = 'name' | 'password' | 'confirm';
export type AcceptInviteState = FormState<Field> & { badLink?: boolean };

/** Accepts the invitation with the mailed token, signs the new member in and takes them home. */
export async function acceptInvite(_previous: AcceptInviteState, form: FormData): Promise<AcceptInviteState> {
  const { locale, t } = await getI18n();
  const texts = t.accounts;
  const token = String(form.get('token') ?? '');
  const name = String(form.get('name') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const values = { name };
  const problem = checkNewPassword(password, String(form.get('confirm') ?? ''));
  if (!name || problem) {
    const fieldErrors: Partial<Record<Field, string>> = name ? {} : { name: texts.acceptInvite.missingName };
    if (problem) {
      fieldErrors.password = newPasswordMessage(texts, problem);
    }
    return { values, fieldErrors };
  }
  const result = await callApi({}, (api) =>
    // The new account keeps the language the form was shown in (its mails go out in it).
    api.POST('/api/invitations/accept', { body: { token, name, password, locale } }),
  );
  if (!result.ok) {
    return { values, ...acceptFailure(result.status, result.message, texts) };
  }
  await startSession(result.data.token);
  redirect(landingPath(result.data.user.role));
}

function acceptFailure(
  status: number,
  message: string,
  { acceptInvite: m, common }: AccountTexts,
): AcceptInviteState {
  const field = status === 400 ? apiFieldOf(message) : undefined;
  if (field === 'name' || field === 'password') {
    return { fieldErrors: { [field]: message.slice(field.length + 1).trim() } };
  }
  if (status === 400) {
    return { badLink: true, error: m.badLink };
  }
  if (status === 401) {
    return { fieldErrors: { password: m.wrongPassword } };
  }
  if (status === 409) {
    return { error: m.otherAccount };
  }
  return { error: status === 429 ? common.rateLimited : common.unreachable };
}
