import { alarmTitleIn, catalogueFor } from '@fleet/alarms';
import type { UserLocale } from '@fleet/db';
import type { AlarmEvent } from '@fleet/telemetry';
import { ALARM_MAIL_TEXTS } from './alarm-mail.texts.js';

/**
 * One-line summary used by every channel: `[CRITICAL] Cell over-voltage — fired (×3)`; in German
 * `[KRITISCH] Zellüberspannung — ausgelöst (×3)`, the title from the catalogue by the alarm's code
 * (the event's stored English title when the catalogue does not know the code).
 */
export function alarmHeadline(event: AlarmEvent, locale: UserLocale = 'en'): string {
  const t = ALARM_MAIL_TEXTS[locale];
  const count = event.count > 1 ? ` (×${event.count})` : '';
  const title = locale === 'en' ? event.title : (alarmTitleIn(event.code, locale) ?? event.title);
  return `[${t.severity[event.severity].toUpperCase()}] ${title} — ${t.transition[event.transition]}${count}`;
}

/** Catalogue text carried in the event detail by the evaluator, when it has it. */
export interface CatalogueText {
  meaning: string | null;
  causes: string[];
  firstSteps: string[];
}

/**
 * The catalogue's meaning, causes and first steps. English: what the evaluator put in the event
 * detail. Another language: the catalogue's entry for the code in it, else the detail's English.
 */
export function catalogueText(event: AlarmEvent, locale: UserLocale = 'en'): CatalogueText {
  const entry = locale === 'en' ? undefined : catalogueFor(locale).byCode.get(event.code);
  if (entry) {
    return { meaning: entry.meaning, causes: [...entry.causes], firstSteps: [...entry.firstSteps] };
  }
  const d = event.detail;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    meaning: typeof d.meaning === 'string' ? d.meaning : null,
    causes: list(d.causes ?? d.likelyCauses),
    firstSteps: list(d.firstSteps),
  };
}

export const SEVERITY_COLOUR: Record<AlarmEvent['severity'], string> = {
  critical: 'B00020',
  major: 'E65100',
  warning: 'F9A825',
  info: '1565C0',
};
