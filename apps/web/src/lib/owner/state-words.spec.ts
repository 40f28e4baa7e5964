import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import { createUnitFormatter } from '../format/units';
import { stateWords } from './state-words';

const at = { now: Date.parse('2026-11-25T15:00:00Z'), timeZone: 'Europe/Berlin' };
const en = [dictionaryFor('en'), createUnitFormatter('en')] as const;
const de = [dictionaryFor('de'), createUnitFormatter('de')] as const;

describe('stateWords', () => {
  it('says what the battery does, with the power', () => {
    expect(stateWords({ kind: 'charging', powerKw: 2.4 }, at, ...en)).toBe('Charging at 2.4\u00a0kW');
    expect(stateWords({ kind: 'discharging', powerKw: 0.75 }, at, ...de)).toBe('Entlädt mit 0,8\u00a0kW');
    expect(stateWords({ kind: 'idle' }, at, ...en)).toBe('Idle');
    expect(stateWords({ kind: 'no-data' }, at, ...en)).toBe('Waiting for the first data');
  });

  it('says since when it is offline, in the site’s time', () => {
    expect(stateWords({ kind: 'offline', since: '2026-11-25T13:05:00Z' }, at, ...en)).toBe(
      'Offline since 14:05',
    );
    expect(stateWords({ kind: 'offline', since: '2026-11-25T13:05:00Z' }, at, ...de)).toBe(
      'Offline seit 14:05',
    );
  });
});
