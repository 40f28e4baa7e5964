import { describe, expect, it } from 'vitest';
import { classifyTotpFailure, normalizeTotpCode } from './totp-code';

describe('normalizeTotpCode', () => {
  it('accepts six digits, also as shown by authenticator apps', () => {
    expect(normalizeTotpCode('123456')).toBe('123456');
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('123-456')).toBe('123456');
  });

  it('refuses anything else', () => {
    for (const raw of ['12345', '1234567', '12a456', '', null]) {
      expect(normalizeTotpCode(raw)).toBeUndefined();
    }
  });
});

describe('classifyTotpFailure', () => {
  it('tells a wrong code from an expired challenge', () => {
    expect(classifyTotpFailure(401, 'INVALID_CREDENTIALS')).toBe('wrong-code');
    expect(classifyTotpFailure(401, 'UNAUTHENTICATED')).toBe('expired');
  });

  it('names rate limiting, bad input and an unreachable API', () => {
    expect(classifyTotpFailure(429, 'RATE_LIMITED')).toBe('rate-limited');
    expect(classifyTotpFailure(400, 'VALIDATION_FAILED')).toBe('bad-input');
    expect(classifyTotpFailure(0, 'UNREACHABLE')).toBe('unreachable');
    expect(classifyTotpFailure(503, 'DATABASE_UNAVAILABLE')).toBe('unreachable');
  });
});
