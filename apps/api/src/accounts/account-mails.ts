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

/** The invitation mail: who invited, into which organisation, in which role, and the link. */
export function invitationMail(p: { orgName: string; role: string; link: string }): EmailContent {
  return mail(
    `You are invited to ${p.orgName} on Fleet`,
    [`You have been invited to join ${p.orgName} on Fleet as ${p.role}.`, 'Accept the invitation here:'],
    p.link,
    'The link works once and expires in 7 days. If you did not expect this, ignore this mail.',
  );
}

export function passwordResetMail(p: { link: string }): EmailContent {
  return mail(
    'Reset your Fleet password',
    ['Someone (hopefully you) asked to reset the password of your Fleet account.', 'Choose a new one here:'],
    p.link,
    'The link works once and expires in 1 hour. If you did not ask for this, ignore this mail.',
  );
}
