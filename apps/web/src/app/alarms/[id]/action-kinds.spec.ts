import { describe, expect, it } from 'vitest';
import { snoozeUntil, statusActions } from './action-kinds';

describe('alarm actions', () => {
  it('offers the lifecycle steps that the status allows', () => {
    expect(statusActions('open')).toEqual(['acknowledge', 'resolve', 'close']);
    expect(statusActions('acknowledged')).toEqual(['resolve', 'close']);
    expect(statusActions('resolved')).toEqual(['close']);
    expect(statusActions('closed')).toEqual([]);
  });

  it('turns the chosen hours into an end time, and refuses unoffered choices', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(snoozeUntil('4', now)).toBe('2026-11-25T16:00:00.000Z');
    expect(snoozeUntil('999', now)).toBe('2026-11-25T13:00:00.000Z');
    expect(snoozeUntil(null, now)).toBe('2026-11-25T13:00:00.000Z');
  });
});
