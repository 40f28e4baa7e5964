import { describe, expect, it } from 'vitest';
import { preferencesFromForm, timezoneChoices } from './preferences-form';

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) {
    data.append(k, v);
  }
  return data;
}

describe('preferencesFromForm', () => {
  it('keeps the chosen channels and reads severity, quiet hours, digest and time zone', () => {
    const body = preferencesFromForm(
      form([
        ['channelId', 'c1'],
        ['channelId', 'c2'],
        ['minSeverity', 'critical'],
        ['quietHours', 'on'],
        ['quietStart', '22:00'],
        ['quietEnd', '07:00'],
        ['digestAt', '08:00'],
        ['timezone', 'Europe/Berlin'],
      ]),
    );
    expect(body).toEqual({
      channelIds: ['c1', 'c2'],
      minSeverity: 'critical',
      quietHours: { start: '22:00', end: '07:00' },
      timezone: 'Europe/Berlin',
      digestAt: '08:00',
    });
  });

  it('drops quiet hours (and so the digest) when switched off or incomplete', () => {
    const off = preferencesFromForm(
      form([
        ['quietStart', '22:00'],
        ['quietEnd', '07:00'],
        ['digestAt', '08:00'],
      ]),
    );
    expect(off.quietHours).toBeNull();
    expect(off.digestAt).toBeNull();
    const broken = preferencesFromForm(
      form([
        ['quietHours', 'on'],
        ['quietStart', '25:00'],
        ['quietEnd', '07:00'],
      ]),
    );
    expect(broken.quietHours).toBeNull();
  });

  it('falls back to warnings and UTC for missing or unknown values', () => {
    expect(preferencesFromForm(form([['minSeverity', 'everything']]))).toMatchObject({
      minSeverity: 'warning',
      timezone: 'UTC',
      channelIds: [],
    });
  });
});

describe('timezoneChoices', () => {
  it('puts the saved and the site zone first, once each', () => {
    expect(timezoneChoices('UTC', 'Europe/Berlin', ['Europe/Berlin', 'Europe/Vienna'])).toEqual([
      'UTC',
      'Europe/Berlin',
      'Europe/Vienna',
    ]);
  });
});
