import type { MemberCredentialsRepository, UserCredentials, UserRepository } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { AuthService } from './auth.service.js';
import type { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';
import type { TotpService } from './totp.service.js';

const ada: UserCredentials = {
  id: '7d4f1f5e-3c0a-4c59-9d0b-1f1e2f3a4b5c',
  tenantId: '0b7c1a2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  email: 'ada@fleet.test',
  name: 'Ada',
  role: 'installer',
  locale: 'de',
  passwordHash: 'hash-of:right',
};

/** Records what was verified, so the test can see the decoy is used for unknown emails. */
function fakeHasher(): PasswordHasher & { verified: string[] } {
  const verified: string[] = [];
  return {
    verified,
    hash: async (password) => `hash-of:${password}`,
    verify: async (password, stored) => {
      verified.push(stored);
      return stored === `hash-of:${password}`;
    },
  };
}

function setup() {
  const users = {
    findCredentialsByEmail: async (email: string) => (email === ada.email ? ada : null),
    findProfile: async (tenantId: string, id: string) =>
      tenantId === ada.tenantId && id === ada.id ? ada : null,
  } as unknown as UserRepository;
  const hasher = fakeHasher();
  const tokens = new TokenService(
    loadConfig({ DATABASE_URL: 'postgresql://h/x', AUTH_SECRET: 'k'.repeat(32) }),
  );
  const totpUsers = new Set<string>();
  const totp = {
    isEnabled: async (id: string) => totpUsers.has(id),
    verifyLogin: async (id: string, code: string) => totpUsers.has(id) && code === '123456',
  } as unknown as TotpService;
  const credentials = {
    profile: async (id: string) => (id === ada.id ? ada : null),
  } as unknown as MemberCredentialsRepository;
  return { sut: new AuthService(users, hasher, tokens, totp, credentials), hasher, tokens, totpUsers };
}

describe('AuthService', () => {
  it('issues a token carrying the user and tenant, and no password hash', async () => {
    const { sut, tokens } = setup();
    const result = await sut.login({ email: ada.email, password: 'right' });
    if (!('token' in result)) {
      throw new Error('expected a session');
    }
    expect(result.user).toEqual({
      id: ada.id,
      email: ada.email,
      name: 'Ada',
      role: 'installer',
      tenantId: ada.tenantId,
      locale: 'de',
    });
    expect(await tokens.verify(result.token)).toMatchObject({
      userId: ada.id,
      tenantId: ada.tenantId,
      role: 'installer',
    });
  });

  it('fails a wrong password and an unknown email identically, hashing in both cases', async () => {
    const { sut, hasher } = setup();
    const wrong = await sut.login({ email: ada.email, password: 'wrong' }).catch((e) => e);
    const unknown = await sut.login({ email: 'eve@fleet.test', password: 'right' }).catch((e) => e);
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    expect(wrong.code).toBe('INVALID_CREDENTIALS');
    expect(hasher.verified).toEqual([ada.passwordHash, expect.stringContaining('decoy')]);
  });

  it('no longer authenticates a token whose user is gone', async () => {
    const { sut } = setup();
    await expect(sut.me({ userId: 'gone', tenantId: ada.tenantId })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('answers a TOTP challenge instead of a session when the second factor is on', async () => {
    const { sut, totpUsers } = setup();
    totpUsers.add(ada.id);
    const first = await sut.login({ email: ada.email, password: 'right' });
    expect(first).toEqual({ totpRequired: true, challenge: expect.any(String) });
    const challenge = 'challenge' in first ? first.challenge : '';
    await expect(sut.loginTotp({ challenge, code: '654321' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect((await sut.loginTotp({ challenge, code: '123456' })).user.id).toBe(ada.id);
  });
});
