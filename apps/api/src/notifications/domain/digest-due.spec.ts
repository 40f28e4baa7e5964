import { describe, expect, it } from 'vitest';
import { digestDue } from './digest-due.js';

const at = (iso: string) => new Date(iso);

describe('digestDue', () => {
  it('is due once the local digest time passed and none was sent since', () => {
    expect(digestDue(at('2026-11-25T07:59:00Z'), '08:00', 'UTC', null)).toBe(false);
    expect(digestDue(at('2026-11-25T08:00:00Z'), '08:00', 'UTC', null)).toBe(true);
    expect(digestDue(at('2026-11-25T20:00:00Z'), '08:00', 'UTC', at('2026-11-24T08:00:10Z'))).toBe(true);
  });

  it('is not due again the same day after it was sent', () => {
    expect(digestDue(at('2026-11-25T20:00:00Z'), '08:00', 'UTC', at('2026-11-25T08:00:10Z'))).toBe(false);
  });

  it('uses the person’s zone', () => {
    // 08:00 in Berlin (CET) is 07:00 UTC.
    expect(digestDue(at('2026-11-25T07:00:00Z'), '08:00', 'Europe/Berlin', null)).toBe(true);
    expect(digestDue(at('2026-11-25T06:59:00Z'), '08:00', 'Europe/Berlin', null)).toBe(false);
  });
});
