import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpCodeAt, totpUri } from './totp-code.js';

// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" (base32 below) gives
// 94287082 at T = 59 s for 8 digits; its last six digits are the 6-digit code.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp codes', () => {
  it('computes the RFC 6238 test vector', () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe('287082');
  });

  it('accepts the code of the previous and the next step, and names its step', () => {
    const at = 1_800_000_000_000;
    const step = Math.floor(at / 30_000);
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, at), at)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, at - 30_000), at)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, at + 30_000), at)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, at - 90_000), at)).toBeNull();
  });

  it('refuses anything but six digits', () => {
    expect(matchTotp(RFC_SECRET, '12345', 0)).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef', 0)).toBeNull();
  });

  it('makes distinct 32-character secrets and an otpauth URI naming the account', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    expect(totpUri(a, 'ada@fleet.test')).toBe(
      `otpauth://totp/Fleet:ada%40fleet.test?issuer=Fleet&secret=${a}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
