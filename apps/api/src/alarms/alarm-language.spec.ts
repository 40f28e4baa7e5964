import { describe, expect, it } from 'vitest';
import { negotiateAlarmLanguage, withLocalizedTitle } from './alarm-language.js';

describe('negotiateAlarmLanguage', () => {
  it('picks the supported language with the highest weight, English when none fits', () => {
    expect(negotiateAlarmLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateAlarmLanguage('fr-FR,de-AT;q=0.8,en;q=0.5')).toBe('de');
    expect(negotiateAlarmLanguage('de;q=0.3,en;q=0.9')).toBe('en');
    expect(negotiateAlarmLanguage('de;q=0,fr')).toBe('en');
    expect(negotiateAlarmLanguage('fr, it;q=0.5')).toBe('en');
    expect(negotiateAlarmLanguage(undefined)).toBe('en');
  });
});

describe('withLocalizedTitle', () => {
  it('titles from the code in German, keeps the stored title in English and for unknown codes', () => {
    const alarm = { code: 'derived.gateway_stale', title: 'Gateway silent' };
    expect(withLocalizedTitle(alarm, 'de').title).toBe('Gateway meldet sich nicht');
    expect(withLocalizedTitle(alarm, 'en')).toBe(alarm);
    expect(withLocalizedTitle({ code: 'x.y.retired', title: 'Old title' }, 'de').title).toBe('Old title');
  });
});
