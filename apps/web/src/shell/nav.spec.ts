import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../i18n/dictionary';
import { isCurrent, mayHandleAlarms, mayReadMembers, navFor } from './nav';
import { parseTheme } from './theme';

const t = dictionaryFor('en');
const hrefs = (role: Parameters<typeof navFor>[0]) => navFor(role, t).map((i) => i.href);

describe('navigation by role', () => {
  it('gives an owner only its own system', () => {
    expect(navFor('owner', t)).toEqual([{ href: '/my-system', label: 'My system' }]);
    expect(mayHandleAlarms('owner')).toBe(false);
  });

  it('gives fleet roles the fleet view, sites and alarms, and org admins members too', () => {
    for (const role of ['installer', 'technician', 'support'] as const) {
      expect(hrefs(role)).toEqual(['/fleet', '/sites', '/alarms']);
      expect(mayHandleAlarms(role)).toBe(true);
      expect(mayReadMembers(role)).toBe(false);
    }
    expect(hrefs('org_admin')).toEqual([
      '/fleet',
      '/sites',
      '/alarms',
      '/members',
      '/warranty-terms',
      '/reports/weekly',
    ]);
    expect(
      navFor('org_admin', dictionaryFor('de'))
        .slice(-2)
        .map((i) => i.label),
    ).toEqual(['Garantiebedingungen', 'Wochenbericht']);
    expect(mayReadMembers('org_admin')).toBe(true);
  });

  it('labels entries in the locale', () => {
    expect(navFor('support', dictionaryFor('de')).map((i) => i.label)).toEqual([
      'Flotte',
      'Standorte',
      'Alarme',
    ]);
  });

  it('marks a section current for its sub-pages only', () => {
    expect(isCurrent('/alarms/42', '/alarms')).toBe(true);
    expect(isCurrent('/alarms', '/alarms')).toBe(true);
    expect(isCurrent('/alarmsx', '/alarms')).toBe(false);
  });
});

describe('parseTheme', () => {
  it('accepts the three schemes and falls back to system', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('blue')).toBe('system');
    expect(parseTheme(undefined)).toBe('system');
  });
});
