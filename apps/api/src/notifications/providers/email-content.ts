import type { AlarmEvent } from '@fleet/telemetry';
import { alarmHeadline, catalogueText } from './alarm-text.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function lines(event: AlarmEvent): Array<[string, string]> {
  return [
    ['Severity', event.severity],
    ['Status', event.status],
    ['Code', event.code],
    ['Count', String(event.count)],
    ['Site', event.siteId],
    ['String', event.stringId ?? '–'],
    ['At', event.at],
  ];
}

/** Plain text and HTML of one alarm notice, with the catalogue's meaning and first steps when known. */
export function alarmEmail(event: AlarmEvent): EmailContent {
  const { meaning, causes, firstSteps } = catalogueText(event);
  const text = [
    alarmHeadline(event),
    '',
    ...lines(event).map(([k, v]) => `${k}: ${v}`),
    ...(meaning ? ['', 'What it means:', meaning] : []),
    ...(causes.length ? ['', 'Likely causes:', ...causes.map((c) => `- ${c}`)] : []),
    ...(firstSteps.length ? ['', 'First steps:', ...firstSteps.map((s, i) => `${i + 1}. ${s}`)] : []),
    '',
    `Alarm ${event.alarmId}, transition ${event.seq}.`,
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(alarmHeadline(event))}</h2>`,
    '<table>',
    ...lines(event).map(([k, v]) => `<tr><th align="left">${k}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    meaning ? `<h3>What it means</h3><p>${escapeHtml(meaning)}</p>` : '',
    causes.length
      ? `<h3>Likely causes</h3><ul>${causes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`
      : '',
    firstSteps.length
      ? `<h3>First steps</h3><ol>${firstSteps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`
      : '',
  ].join('\n');
  return { subject: alarmHeadline(event), text, html };
}

/** The daily digest: every held notice of one person, oldest first. */
export function digestEmail(name: string, events: AlarmEvent[]): EmailContent {
  const subject = `Alarm digest: ${events.length} notice${events.length === 1 ? '' : 's'}`;
  const text = [
    `Hello ${name},`,
    '',
    'Held during your quiet hours:',
    '',
    ...events.map((e) => `- ${e.at} ${alarmHeadline(e)}`),
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(name)},</p><p>Held during your quiet hours:</p><ul>`,
    ...events.map((e) => `<li>${escapeHtml(e.at)} ${escapeHtml(alarmHeadline(e))}</li>`),
    '</ul>',
  ].join('\n');
  return { subject, text, html };
}
