import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

const secret = 'x'.repeat(32);
const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fleet', AUTH_SECRET: secret };

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const sut = loadConfig(valid);
    expect(sut.http.port).toBe(3001);
    expect(sut.auth.tokenTtlSeconds).toBe(12 * 3600);
    expect(sut.log).toEqual({ level: 'info', pretty: false });
  });

  it('reads port and token lifetime', () => {
    const sut = loadConfig({ ...valid, API_PORT: '0', AUTH_TOKEN_TTL: '30m' });
    expect(sut.http.port).toBe(0);
    expect(sut.auth.tokenTtlSeconds).toBe(1800);
  });

  it('names every bad variable at once and never echoes the secret', () => {
    const shortSecret = 'short-secret-value';
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        AUTH_SECRET: shortSecret,
        API_PORT: 'abc',
        AUTH_TOKEN_TTL: '12 parsecs',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'API_PORT', 'AUTH_TOKEN_TTL']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain(shortSecret);
  });

  it('keeps the provisioning check off without its secret and refuses a short one without echoing it', () => {
    expect(loadConfig(valid).provisioning).toEqual({});
    const hookSecret = 'h'.repeat(32);
    expect(loadConfig({ ...valid, PROVISIONING_HOOK_SECRET: hookSecret }).provisioning).toEqual({
      hookSecret,
    });
    expect(() => loadConfig({ ...valid, PROVISIONING_HOOK_SECRET: 'too-short-hook' })).toThrow(
      /^(?!.*too-short-hook).*PROVISIONING_HOOK_SECRET must be at least 32 characters/,
    );
  });

  it('requires the secret', () => {
    expect(() => loadConfig({ DATABASE_URL: valid.DATABASE_URL })).toThrow(/AUTH_SECRET/);
  });
});
