import { describe, expect, it } from 'vitest';
import { formatAge, formatTimestampUtc } from './format-age.js';

const now = Date.parse('2026-11-25T12:00:00.000Z');

describe('formatAge', () => {
  it('picks the largest whole unit', () => {
    expect(formatAge('2026-11-25T11:59:57.500Z', now)).toBe('2 s ago');
    expect(formatAge('2026-11-25T11:55:00.000Z', now)).toBe('5 min ago');
    expect(formatAge('2026-11-25T09:00:00.000Z', now)).toBe('3 h ago');
    expect(formatAge(new Date('2026-11-20T12:00:00.000Z'), now)).toBe('5 d ago');
  });

  it('clamps a timestamp from a clock running ahead to zero', () => {
    expect(formatAge('2026-11-25T12:00:03.000Z', now)).toBe('0 s ago');
  });

  it('says so when there is no timestamp or it cannot be read', () => {
    expect(formatAge(null, now)).toBe('never');
    expect(formatAge('not a date', now)).toBe('unknown');
  });
});

describe('formatTimestampUtc', () => {
  it('prints the instant in UTC to the second, the same everywhere', () => {
    expect(formatTimestampUtc('2026-11-25T13:00:03.250+01:00')).toBe('2026-11-25 12:00:03 UTC');
    expect(formatTimestampUtc(null)).toBe('—');
    expect(formatTimestampUtc('garbage')).toBe('unknown');
  });
});
