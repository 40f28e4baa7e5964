import { ALARM_EVENT_SCHEMA, type AlarmEvent } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ALARM_MAIL_TEXTS } from './alarm-mail.texts.js';
import { alarmHeadline } from './alarm-text.js';
import { alarmEmail, digestEmail } from './email-content.js';

const event = (over: Partial<AlarmEvent> = {}): AlarmEvent => ({
  schema: ALARM_EVENT_SCHEMA,
  alarmId: '6a1f0c1e-3b0d-4d7e-9a55-0c3f4f6b9e21',
  seq: 2,
  tenantId: '0b7c1a2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  siteId: '7d4f1f5e-3c0a-4c59-9d0b-1f1e2f3a4b5c',
  stringId: null,
  gatewayId: 'gw-1',
  code: 'derived.string_stale',
  title: 'String silent',
  severity: 'major',
  transition: 'repeated',
  status: 'open',
  count: 3,
  flapping: false,
  notify: true,
  actor: 'system',
  at: '2026-11-25T12:00:00.000Z',
  detail: { meaning: 'No sample for 15 minutes.', firstSteps: ['Check the gateway'] },
  ...over,
});

describe('alarm mails in a language', () => {
  it('names a derived alarm in German and keeps the English headline as it was', () => {
    expect(alarmHeadline(event(), 'de')).toBe('[SCHWER] Strang meldet sich nicht — wiederholt (×3)');
    expect(alarmHeadline(event())).toBe('[MAJOR] String silent — repeated (×3)');
  });

  it('falls back to the stored title and the event’s own text for a code the catalogue does not know', () => {
    const mail = alarmEmail(event({ code: 'vendor.unknown', title: 'Vendor thing' }), 'de');
    expect(mail.subject).toBe('[SCHWER] Vendor thing — wiederholt (×3)');
    expect(mail.text).toContain('Was es bedeutet:\nNo sample for 15 minutes.');
    expect(mail.text).toContain('Erste Schritte:\n1. Check the gateway');
  });

  it('writes the digest in German', () => {
    const mail = digestEmail('Grete', [event(), event({ seq: 3 })], 'de');
    expect(mail.subject).toBe('Alarm-Zusammenfassung: 2 Meldungen');
    expect(mail.text).toContain('Hallo Grete,');
    expect(mail.html).toContain('Während Ihrer Ruhezeiten zurückgehalten:');
    expect(digestEmail('Ed', [event()]).subject).toBe('Alarm digest: 1 notice');
  });

  it('has a word for every severity, status and transition in every language', () => {
    const keys = (l: 'en' | 'de') =>
      ['severity', 'status', 'transition', 'labels'].map((k) =>
        Object.keys(ALARM_MAIL_TEXTS[l][k as 'severity']).sort(),
      );
    expect(keys('de')).toEqual(keys('en'));
  });
});
