import { describe, expect, it } from 'vitest';
import { AppError } from '../common/app-error.js';
import { loadConfig } from '../config/app-config.js';
import { TokenService } from './token.service.js';

const config = (secret: string, ttl = '12h') =>
  loadConfig({ DATABASE_URL: 'postgresql://localhost/x', AUTH_SECRET: secret, AUTH_TOKEN_TTL: ttl });
const auth = { userId: 'u-1', tenantId: 't-1', role: 'installer' };

describe('TokenService', () => {
  it('verifies its own tokens back to the identity', async () => {
    const sut = new TokenService(config('s'.repeat(32)));
    const before = Date.now();
    const verified = await sut.verify(await sut.sign(auth));
    expect(verified).toMatchObject(auth);
    // Milliseconds, not whole seconds: a reset's cut-off must not swallow a login in the same second.
    expect(verified.issuedAtMs).toBeGreaterThanOrEqual(before);
    expect(verified.issuedAtMs).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a token signed with another secret', async () => {
    const other = new TokenService(config('o'.repeat(32)));
    const sut = new TokenService(config('s'.repeat(32)));
    await expect(sut.verify(await other.sign(auth))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a tampered payload and garbage', async () => {
    const sut = new TokenService(config('s'.repeat(32)));
    const [header, , signature] = (await sut.sign(auth)).split('.');
    const payload = Buffer.from(JSON.stringify({ ...auth, tid: 't-2' })).toString('base64url');
    await expect(sut.verify(`${header}.${payload}.${signature}`)).rejects.toBeInstanceOf(AppError);
    await expect(sut.verify('garbage')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('puts the configured lifetime into the token', async () => {
    const sut = new TokenService(config('s'.repeat(32), '30m'));
    const payload = JSON.parse(
      Buffer.from((await sut.sign(auth)).split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(payload.exp - Math.floor(payload.iat)).toBe(1800);
  });

  it('keeps TOTP challenges and sessions apart', async () => {
    const sut = new TokenService(config('s'.repeat(32)));
    const challenge = await sut.signTotpChallenge('u-1');
    expect(await sut.verifyTotpChallenge(challenge)).toBe('u-1');
    await expect(sut.verify(challenge)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sut.verifyTotpChallenge(await sut.sign(auth))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
