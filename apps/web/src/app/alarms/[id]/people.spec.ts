import { describe, expect, it } from 'vitest';
import { alarmNames, personLabel } from './people';

const desk = { id: 'd', name: 'Dana Desk', organisation: 'Pylontech Support Desk' };
const ada = { id: 'a', name: 'Ada Installer', organisation: null };

describe('people on an alarm', () => {
  it('names a person of another organisation with it, an own member plainly', () => {
    expect(personLabel(desk)).toBe('Dana Desk (Pylontech Support Desk)');
    expect(personLabel(ada)).toBe('Ada Installer');
  });

  it('merges the alarm people over the member list and marks the caller', () => {
    const names = alarmNames(
      [desk, ada],
      [
        { id: 'a', name: 'Ada' },
        { id: 'm', name: 'Max' },
      ],
      { id: 'm', name: 'Max' },
      'you',
    );
    expect(Object.fromEntries(names)).toEqual({
      a: 'Ada Installer',
      d: 'Dana Desk (Pylontech Support Desk)',
      m: 'Max (you)',
    });
  });

  it('has no name for an id the API did not name (shown raw)', () => {
    expect(alarmNames([], [], undefined, 'you').get('x')).toBeUndefined();
  });
});
