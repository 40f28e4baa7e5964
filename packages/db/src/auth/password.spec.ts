import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies the right password only', async () => {
    const stored = await hashPassword('demo-installer');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(await verifyPassword('demo-installer', stored)).toBe(true);
    expect(await verifyPassword('demo-installeR', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('verifies with the parameters stored in the hash', async () => {
    // Cheaper parameters than today's default must still verify (hashes outlive cost changes).
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const hash = scryptSync('old', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
    expect(await verifyPassword('old', stored)).toBe(true);
  });

  it('rejects malformed or hostile stored values instead of throwing', async () => {
    const good = await hashPassword('x');
    const [, , , , salt, hash] = good.split('$');
    for (const stored of [
      '',
      'bcrypt$10$abc',
      good.replace('scrypt$32768', 'scrypt$30000'), // N not a power of two
      `scrypt$${2 ** 24}$8$1$${salt}$${hash}`, // memory bomb
      `scrypt$32768$8$1$${salt}$`,
      `${good}$extra`,
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });
});
