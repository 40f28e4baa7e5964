/** The body of PUT /api/me/notification-preferences (the API's NotificationPreferences). */
export interface PreferencesBody {
  channelIds: string[];
  minSeverity: 'critical' | 'major' | 'warning' | 'info';
  quietHours: { start: string; end: string } | null;
  timezone: string;
  digestAt: string | null;
}

export const SEVERITIES = ['critical', 'major', 'warning', 'info'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Just what the form's fields give: `get` for single values, `getAll` for the kept channel ids. */
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (form: FormFields, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * The owner's form as the API's body. Channels are not the owner's to choose (the installer sets
 * them up; an owner may not even list them), so the ones already chosen ride along unchanged in
 * hidden fields. Quiet hours count only when switched on and both times are given; the API checks
 * the rest (time zone, formats) and its message is shown.
 */
export function preferencesFromForm(form: FormFields): PreferencesBody {
  const severity = text(form, 'minSeverity');
  const start = text(form, 'quietStart');
  const end = text(form, 'quietEnd');
  const digest = text(form, 'digestAt');
  const quiet = form.get('quietHours') === 'on' && HHMM.test(start) && HHMM.test(end);
  return {
    channelIds: form.getAll('channelId').filter((v): v is string => typeof v === 'string' && v !== ''),
    minSeverity: (SEVERITIES as readonly string[]).includes(severity)
      ? (severity as PreferencesBody['minSeverity'])
      : 'warning',
    quietHours: quiet ? { start, end } : null,
    timezone: text(form, 'timezone') || 'UTC',
    digestAt: quiet && HHMM.test(digest) ? digest : null,
  };
}

/** Whole hours of the day as HH:MM, for the time pickers (a select is easier on a phone than typing). */
export const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

/** The time zones offered: the saved one and the site's first, then every zone the runtime knows. */
export function timezoneChoices(saved: string, site: string, known: readonly string[]): string[] {
  return [...new Set([saved, site, 'UTC', ...known])];
}
