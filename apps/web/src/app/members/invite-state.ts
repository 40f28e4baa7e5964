import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import { apiFieldOf } from '../(auth)/_lib/api-field';
import type { FormState } from '../(auth)/_lib/form-state';

export type InviteField = 'email' | 'role' | 'locale';

/** The invite form's state: field errors, a form error, or (after success) the notice to announce. */
export type InviteState = FormState<InviteField> & { notice?: string };

/**
 * The roles the members page invites. Owners are invited from their site's view, where the
 * invitation names the site they will see.
 */
export const INVITABLE_ROLES = ['technician', 'support', 'installer', 'org_admin'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export function isInvitableRole(value: string): value is InvitableRole {
  return (INVITABLE_ROLES as readonly string[]).includes(value);
}

type InviteTexts = Dictionary['accounts']['invite'];

/**
 * Where a refusal of POST /api/invitations belongs: "already a member" and a malformed email on
 * the email field (in the reader's language), another field the API names on that field, the
 * rest (no permission, unknown site, unreachable) on the whole form.
 */
export function inviteFailure(status: number, message: string, m: InviteTexts): InviteState {
  if (status === 409) {
    return { fieldErrors: { email: m.alreadyMember } };
  }
  const field = status === 400 ? apiFieldOf(message) : undefined;
  if (field === 'email') {
    return { fieldErrors: { email: m.invalidEmail } };
  }
  if (field === 'role' || field === 'locale') {
    const fieldErrors: Partial<Record<InviteField, string>> = {
      [field]: message.slice(field.length + 1).trim(),
    };
    return { fieldErrors };
  }
  return { error: interpolate(m.failed, { message }) };
}
