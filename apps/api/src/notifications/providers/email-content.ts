import type { UserLocale } from '@fleet/db';
import type { AlarmEvent } from '@fleet/telemetry';
import { ALARM_MAIL_TEXTS } from './alarm-mail.texts.js';
import { alarmHeadline, catalogueText } from './alarm-text.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function lines(event: AlarmEvent, locale: UserLocale): Array<[string, string]> {
  const t = ALARM_MAIL_TEXTS[locale];
  return [
    [t.labels.severity, t.severity[event.severity]],
    [t.labels.status, t.status[event.status]],
    [t.labels.code, event.code],
    [t.labels.count, String(event.count)],
    [t.labels.site, event.siteId],
    [t.labels.string, event.stringId ?? '–'],
    [t.labels.at, event.at],
  ];
}

/**
 * Plain text and HTML of one alarm notice in the recipient's language, with the catalogue's
 * meaning and first steps when known.
 */
export function alarmEmail(event: AlarmEvent, locale: UserLocale = 'en'): EmailContent {
  const t = ALARM_MAIL_TEXTS[locale];
  const headline = alarmHeadline(event, locale);
  const { meaning, causes, firstSteps } = catalogueText(event, locale);
  const text = [
    headline,
    '',
    ...lines(event, locale).map(([k, v]) => `${k}: ${v}`),
    ...(meaning ? ['', `${t.meaning}:`, meaning] : []),
    ...(causes.length ? ['', `${t.causes}:`, ...causes.map((c) => `- ${c}`)] : []),
    ...(firstSteps.length ? ['', `${t.firstSteps}:`, ...firstSteps.map((s, i) => `${i + 1}. ${s}`)] : []),
    '',
    t.footer(event.alarmId, event.seq),
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(headline)}</h2>`,
    '<table>',
    ...lines(event, locale).map(
      ([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
    ),
    '</table>',
    meaning ? `<h3>${escapeHtml(t.meaning)}</h3><p>${escapeHtml(meaning)}</p>` : '',
    causes.length
      ? `<h3>${escapeHtml(t.causes)}</h3><ul>${causes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`
      : '',
    firstSteps.length
      ? `<h3>${escapeHtml(t.firstSteps)}</h3><ol>${firstSteps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`
      : '',
  ].join('\n');
  return { subject: headline, text, html };
}

/** The daily digest: every held notice of one person, oldest first, in their language. */
export function digestEmail(name: string, events: AlarmEvent[], locale: UserLocale = 'en'): EmailContent {
  const t = ALARM_MAIL_TEXTS[locale];
  const subject = t.digestSubject(events.length);
  const text = [
    t.hello(name),
    '',
    t.heldDuringQuietHours,
    '',
    ...events.map((e) => `- ${e.at} ${alarmHeadline(e, locale)}`),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(t.hello(name))}</p><p>${escapeHtml(t.heldDuringQuietHours)}</p><ul>`,
    ...events.map((e) => `<li>${escapeHtml(e.at)} ${escapeHtml(alarmHeadline(e, locale))}</li>`),
    '</ul>',
  ].join('\n');
  return { subject, text, html };
}
