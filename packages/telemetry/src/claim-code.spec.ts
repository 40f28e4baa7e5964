import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimCodeFromDigest, gatewayIdOfClaimCode, parseClaimCode } from './claim-code.js';
import { GATEWAY_ID_PATTERN } from './ids.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeOf = (publicKey: string) => claimCodeFromDigest(createHash('sha256').update(publicKey).digest());
const keys = Array.from({ length: 200 }, (_, i) => `UKEY${i}`);

describe('claimCodeFromDigest', () => {
  it('reads the first 55 digest bits as 11 Crockford characters plus a check character', () => {
    // 0x00…: every data character 0; 0xff…: every data character Z (31).
    expect(claimCodeFromDigest(new Uint8Array(7))).toMatch(/^0000-0000-000.$/);
    expect(claimCodeFromDigest(new Uint8Array(7).fill(0xff))).toMatch(/^ZZZZ-ZZZZ-ZZZ.$/);
    // The 56th bit is not used: 0x…fe and 0x…ff give the same code.
    const low = new Uint8Array([1, 2, 3, 4, 5, 6, 0xfe]);
    const high = new Uint8Array([1, 2, 3, 4, 5, 6, 0xff]);
    expect(claimCodeFromDigest(low)).toBe(claimCodeFromDigest(high));
    expect(() => claimCodeFromDigest(new Uint8Array(6))).toThrow(RangeError);
  });

  it('gives each key its own code, all in the XXXX-XXXX-XXXX form, each parsing as itself', () => {
    const codes = keys.map(codeOf);
    expect(new Set(codes).size).toBe(keys.length);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseClaimCode(code)).toEqual({ ok: true, code });
    }
  });
});

describe('parseClaimCode', () => {
  const code = codeOf('UABC');

  it('accepts lower case, spaces, no dashes and the Crockford look-alikes', () => {
    const typed = code.toLowerCase().replace(/-/g, ' ');
    expect(parseClaimCode(typed)).toEqual({ ok: true, code });
    const lookAlike = code.replace(/1/g, 'l').replace(/0/g, 'O');
    expect(parseClaimCode(lookAlike)).toEqual({ ok: true, code });
  });

  it('refuses a wrong length and a character outside the alphabet, naming which', () => {
    expect(parseClaimCode(code.slice(0, -1))).toMatchObject({ ok: false, problem: 'length' });
    expect(parseClaimCode(`${code.slice(0, -1)}U`)).toMatchObject({
      ok: false,
      problem: 'character',
      message: expect.stringContaining('"U"'),
    });
  });

  it('catches every single wrong character and every swap of two different neighbours', () => {
    const plain = code.replace(/-/g, '');
    for (let i = 0; i < plain.length; i++) {
      for (const c of ALPHABET) {
        if (c !== plain[i]) {
          const typo = plain.slice(0, i) + c + plain.slice(i + 1);
          expect(parseClaimCode(typo)).toMatchObject({ ok: false, problem: 'check' });
        }
      }
    }
    for (let i = 0; i + 1 < plain.length; i++) {
      if (plain[i] !== plain[i + 1]) {
        const swapped = plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2);
        expect(parseClaimCode(swapped)).toMatchObject({ ok: false, problem: 'check' });
      }
    }
  });
});

describe('gatewayIdOfClaimCode', () => {
  it('is a valid wire gateway id', () => {
    expect(gatewayIdOfClaimCode('AB12-CD34-EF5G')).toBe('gw-ab12-cd34-ef5g');
    expect(GATEWAY_ID_PATTERN.test(gatewayIdOfClaimCode(codeOf('UXYZ')))).toBe(true);
  });
});
