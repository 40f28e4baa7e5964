import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { inviteFailure, isInvitableRole } from './invite-state';

const m = en.accounts.invite;

describe('inviteFailure', () => {
  it('puts "already a member" on the email field', () => {
    expect(inviteFailure(409, 'already a member', m)).toEqual({ fieldErrors: { email: m.alreadyMember } });
  });

  it('answers a malformed email in the reader’s language, on the email field', () => {
    const d = de.accounts.invite;
    expect(inviteFailure(400, 'email: must be an email address', d)).toEqual({
      fieldErrors: { email: d.invalidEmail },
    });
  });

  it('shows another named field’s message on that field', () => {
    expect(inviteFailure(400, 'locale: must be one of en, de', m)).toEqual({
      fieldErrors: { locale: 'must be one of en, de' },
    });
  });

  it('puts a refusal without a field of the form on the whole form', () => {
    expect(inviteFailure(403, 'installers may invite only owners', m)).toEqual({
      error: 'The invitation was not sent: installers may invite only owners',
    });
    expect(inviteFailure(404, 'siteIds: a site is not one of your organisation', m).error).toContain(
      'siteIds',
    );
  });
});

describe('isInvitableRole', () => {
  it('offers the staff roles and leaves owners to the site view', () => {
    expect(['technician', 'support', 'installer', 'org_admin'].every(isInvitableRole)).toBe(true);
    expect(isInvitableRole('owner')).toBe(false);
    expect(isInvitableRole('root')).toBe(false);
  });
});
