import { describe, expect, it } from 'vitest';
import type { Alarm } from './site-types';
import { worstAlarmByString } from './worst-alarm';

const alarm = (id: string, stringId: string | null, severity: Alarm['severity'], lastFiredAt: string) =>
  ({ id, stringId, severity, lastFiredAt }) as Alarm;

describe('worstAlarmByString', () => {
  it('keeps the most severe alarm per string, the newest among equals, and skips gateway alarms', () => {
    const sut = worstAlarmByString([
      alarm('w', 's1', 'warning', '2026-11-01T12:00:00Z'),
      alarm('m-old', 's1', 'major', '2026-11-01T10:00:00Z'),
      alarm('m-new', 's1', 'major', '2026-11-01T11:00:00Z'),
      alarm('i', 's2', 'info', '2026-11-01T09:00:00Z'),
      alarm('g', null, 'critical', '2026-11-01T09:00:00Z'),
    ]);
    expect([...sut.entries()].map(([s, a]) => [s, a.id])).toEqual([
      ['s1', 'm-new'],
      ['s2', 'i'],
    ]);
  });
});
