import type { ExecutionContext } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/app-config.js';
import { HookSecretGuard } from './hook-secret.guard.js';
import { presentsHookSecret } from './hook-secret.js';

const SECRET = 'a-provisioning-secret-of-32-chars!';

describe('presentsHookSecret', () => {
  it('accepts exactly the configured secret as a bearer token', () => {
    expect(presentsHookSecret(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(presentsHookSecret(`bearer   ${SECRET}`, SECRET)).toBe(true);
  });

  it('refuses a missing, malformed, shorter, longer or different secret', () => {
    for (const header of [
      undefined,
      '',
      SECRET,
      'Bearer',
      `Basic ${SECRET}`,
      `Bearer ${SECRET.slice(0, -1)}`,
      `Bearer ${SECRET}x`,
      `Bearer ${SECRET.toUpperCase()}`,
      ['Bearer', SECRET],
    ]) {
      expect(presentsHookSecret(header, SECRET), String(header)).toBe(false);
    }
  });
});

describe('HookSecretGuard', () => {
  const contextWith = (authorization?: string) =>
    ({ switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }) }) as ExecutionContext;
  const guard = (hookSecret?: string) =>
    new HookSecretGuard({ provisioning: hookSecret ? { hookSecret } : {} } as AppConfig);

  it('turns the route off (503 NOT_CONFIGURED) while no secret is configured, whatever is presented', () => {
    expect(() => guard().canActivate(contextWith('Bearer anything'))).toThrow(
      expect.objectContaining({ code: 'NOT_CONFIGURED' }),
    );
  });

  it('lets the secret through and refuses anything else as UNAUTHENTICATED', () => {
    expect(guard(SECRET).canActivate(contextWith(`Bearer ${SECRET}`))).toBe(true);
    expect(() => guard(SECRET).canActivate(contextWith('Bearer nope'))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
