'use server';

import { revalidatePath } from 'next/cache';
import { interpolate } from '../../i18n/dictionary';
import { isLocale } from '../../i18n/locale';
import { getI18n } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import { readSessionToken } from '../../lib/session';
import { type InvitableRole, type InviteState, inviteFailure, isInvitableRole } from './invite-state';

/**
 * Invites one person into the organisation (POST /api/invitations as the signed-in user). The
 * members page binds no site (staff roles); the site view binds its site and the role owner.
 * The API decides whether the caller may; its refusal is shown on the field it names.
 */
export async function inviteAction(
  siteId: string | null,
  _previous: InviteState,
  form: FormData,
): Promise<InviteState> {
  const { t } = await getI18n();
  const m = t.accounts.invite;
  const email = String(form.get('email') ?? '').trim();
  const roleValue = String(form.get('role') ?? 'owner');
  const localeValue = String(form.get('locale') ?? '');
  const values = { email };
  if (!email) {
    return { values, fieldErrors: { email: m.missingEmail } };
  }
  if (!siteId && !isInvitableRole(roleValue)) {
    return { values, fieldErrors: { role: interpolate(m.failed, { message: roleValue }) } };
  }
  const role: InvitableRole | 'owner' = siteId || !isInvitableRole(roleValue) ? 'owner' : roleValue;
  const token = await readSessionToken();
  if (!token) {
    return { values, error: interpolate(m.failed, { message: 'not signed in' }) };
  }
  const result = await callApi({ token }, (api) =>
    api.POST('/api/invitations', {
      body: {
        email,
        role,
        ...(siteId ? { siteIds: [siteId] } : {}),
        ...(isLocale(localeValue) ? { locale: localeValue } : {}),
      },
    }),
  );
  if (!result.ok) {
    return { values, ...inviteFailure(result.status, result.message, m) };
  }
  revalidatePath('/members');
  const notice = interpolate(result.data.mailed ? m.sent : m.notMailed, { email: result.data.email });
  // A sent invitation empties the form for the next one.
  return { done: true, notice, values: {} };
}

/** Withdraws one pending invitation (DELETE /api/invitations/{id}); its link stops working. */
export async function withdrawAction(id: string, _previous: InviteState): Promise<InviteState> {
  const { t } = await getI18n();
  const token = await readSessionToken();
  if (!token) {
    return { error: interpolate(t.accounts.invite.failed, { message: 'not signed in' }) };
  }
  const result = await callApi({ token }, (api) =>
    api.DELETE('/api/invitations/{id}', { params: { path: { id } } }),
  );
  if (!result.ok && result.status !== 404) {
    return { error: result.message };
  }
  revalidatePath('/members');
  return { done: true };
}
