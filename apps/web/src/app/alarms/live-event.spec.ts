import { describe, expect, it } from 'vitest';
import { concerns } from './live-event';

const A = '0b7c6c3e-3f57-4d7e-9d0a-6c2f0f1e2a11';

describe('concerns', () => {
  it('matches events of the shown alarm only on a detail page', () => {
    expect(concerns(JSON.stringify({ alarmId: A, seq: 2 }), A)).toBe(true);
    expect(concerns(JSON.stringify({ alarmId: 'other' }), A)).toBe(false);
    expect(concerns(JSON.stringify({ alarmId: 'other' }), undefined)).toBe(true);
    expect(concerns('not json', A)).toBe(true);
  });
});
