import type { UserLocale } from '@fleet/db';
import type { EmailContent } from '../notifications/providers/email-content.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function mail(subject: string, paragraphs: string[], link: string, closing: string): EmailContent {
  const text = [...paragraphs, '', link, '', closing].join('\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p>${escapeHtml(closing)}</p>`,
  ].join('\n');
  return { subject, text, html };
}

type Role = 'org_admin' | 'installer' | 'technician' | 'support' | 'owner';

/** Every word of the account mails, in each language a person can choose (same facts in each). */
export const ACCOUNT_MAIL_TEXTS = {
  en: {
    roles: {
      org_admin: 'organisation admin',
      installer: 'installer',
      technician: 'technician',
      support: 'support',
      owner: 'owner',
    } satisfies Record<Role, string>,
    inviteSubject: (org: string) => `You are invited to ${org} on Fleet`,
    inviteBody: (org: string, role: string) => [
      `You have been invited to join ${org} on Fleet as ${role}.`,
      'Accept the invitation here:',
    ],
    inviteClosing: 'The link works once and expires in 7 days. If you did not expect this, ignore this mail.',
    resetSubject: 'Reset your Fleet password',
    resetBody: [
      'Someone (hopefully you) asked to reset the password of your Fleet account.',
      'Choose a new one here:',
    ],
    resetClosing: 'The link works once and expires in 1 hour. If you did not ask for this, ignore this mail.',
  },
  de: {
    roles: {
      org_admin: 'Organisations-Admin',
      installer: 'Installateur',
      technician: 'Techniker',
      support: 'Support',
      owner: 'Eigentümer',
    } satisfies Record<Role, string>,
    inviteSubject: (org: string) => `Einladung zu ${org} auf Fleet`,
    inviteBody: (org: string, role: string) => [
      `Sie wurden eingeladen, ${org} auf Fleet als ${role} beizutreten.`,
      'Hier nehmen Sie die Einladung an:',
    ],
    inviteClosing:
      'Der Link funktioniert einmal und läuft in 7 Tagen ab. Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.',
    resetSubject: 'Ihr Fleet-Passwort zurücksetzen',
    resetBody: [
      'Jemand (hoffentlich Sie) hat verlangt, das Passwort Ihres Fleet-Kontos zurückzusetzen.',
      'Hier wählen Sie ein neues:',
    ],
    resetClosing:
      'Der Link funktioniert einmal und läuft in 1 Stunde ab. Wenn Sie das nicht verlangt haben, ignorieren Sie diese E-Mail.',
  },
} as const;

/** The invitation mail: who invited, into which organisation, in which role, and the link. */
export function invitationMail(
  p: { orgName: string; role: Role; link: string },
  locale: UserLocale = 'en',
): EmailContent {
  const t = ACCOUNT_MAIL_TEXTS[locale];
  return mail(t.inviteSubject(p.orgName), t.inviteBody(p.orgName, t.roles[p.role]), p.link, t.inviteClosing);
}

/** The password reset mail, in the account's language. */
export function passwordResetMail(p: { link: string }, locale: UserLocale = 'en'): EmailContent {
  const t = ACCOUNT_MAIL_TEXTS[locale];
  return mail(t.resetSubject, [...t.resetBody], p.link, t.resetClosing);
}
