// Every word of the alarm mails (a notice, the quiet-hours digest) in each language a person can
// choose; the mail goes out in the recipient's (app_user.locale). Same facts in each language.
import type { UserLocale } from '@fleet/db';
import type { AlarmSeverity, AlarmStatus, AlarmTransition } from '@fleet/telemetry';

export interface AlarmMailTexts {
  severity: Record<AlarmSeverity, string>;
  status: Record<AlarmStatus, string>;
  transition: Record<AlarmTransition, string>;
  labels: {
    severity: string;
    status: string;
    code: string;
    count: string;
    site: string;
    string: string;
    at: string;
  };
  meaning: string;
  causes: string;
  firstSteps: string;
  footer: (alarmId: string, seq: number) => string;
  digestSubject: (n: number) => string;
  hello: (name: string) => string;
  heldDuringQuietHours: string;
}

export const ALARM_MAIL_TEXTS: Record<UserLocale, AlarmMailTexts> = {
  en: {
    severity: { critical: 'critical', major: 'major', warning: 'warning', info: 'info' },
    status: { open: 'open', acknowledged: 'acknowledged', resolved: 'resolved', closed: 'closed' },
    transition: {
      fired: 'fired',
      repeated: 'repeated',
      'severity-changed': 'severity-changed',
      acknowledged: 'acknowledged',
      assigned: 'assigned',
      commented: 'commented',
      escalated: 'escalated',
      'flapping-started': 'flapping-started',
      'flapping-ended': 'flapping-ended',
      resolved: 'resolved',
      reopened: 'reopened',
      closed: 'closed',
    },
    labels: {
      severity: 'Severity',
      status: 'Status',
      code: 'Code',
      count: 'Count',
      site: 'Site',
      string: 'String',
      at: 'At',
    },
    meaning: 'What it means',
    causes: 'Likely causes',
    firstSteps: 'First steps',
    footer: (alarmId, seq) => `Alarm ${alarmId}, transition ${seq}.`,
    digestSubject: (n) => `Alarm digest: ${n} notice${n === 1 ? '' : 's'}`,
    hello: (name) => `Hello ${name},`,
    heldDuringQuietHours: 'Held during your quiet hours:',
  },
  de: {
    severity: { critical: 'kritisch', major: 'schwer', warning: 'Warnung', info: 'Hinweis' },
    status: { open: 'offen', acknowledged: 'bestätigt', resolved: 'behoben', closed: 'geschlossen' },
    transition: {
      fired: 'ausgelöst',
      repeated: 'wiederholt',
      'severity-changed': 'Schweregrad geändert',
      acknowledged: 'bestätigt',
      assigned: 'zugewiesen',
      commented: 'kommentiert',
      escalated: 'eskaliert',
      'flapping-started': 'flattert',
      'flapping-ended': 'flattert nicht mehr',
      resolved: 'behoben',
      reopened: 'wieder geöffnet',
      closed: 'geschlossen',
    },
    labels: {
      severity: 'Schweregrad',
      status: 'Status',
      code: 'Code',
      count: 'Anzahl',
      site: 'Standort',
      string: 'Strang',
      at: 'Zeitpunkt',
    },
    meaning: 'Was es bedeutet',
    causes: 'Mögliche Ursachen',
    firstSteps: 'Erste Schritte',
    footer: (alarmId, seq) => `Alarm ${alarmId}, Übergang ${seq}.`,
    digestSubject: (n) => `Alarm-Zusammenfassung: ${n} ${n === 1 ? 'Meldung' : 'Meldungen'}`,
    hello: (name) => `Hallo ${name},`,
    heldDuringQuietHours: 'Während Ihrer Ruhezeiten zurückgehalten:',
  },
};
