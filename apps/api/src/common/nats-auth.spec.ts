import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount, createUser, encodeUser, fmtCreds } from '@nats-io/jwt';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { natsAuth } from './nats-auth.js';

const dir = mkdtempSync(join(tmpdir(), 'nats-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('natsAuth (NATS_CREDS)', () => {
  it('authenticates with the user of a .creds file, and not at all without one', async () => {
    const user = createUser();
    const file = join(dir, 'service.creds');
    writeFileSync(file, fmtCreds(await encodeUser('api', user, createAccount()), user));
    const { authenticator } = natsAuth(file);
    expect(authenticator).toBeTypeOf('function');
    const auth = (authenticator as (nonce?: string) => { jwt?: string; nkey?: string })('nonce');
    expect(auth.nkey).toBe(user.getPublicKey());
    expect(auth.jwt).toMatch(/^eyJ/);
    expect(natsAuth(undefined)).toEqual({});
  });

  it('fails loudly, naming the file, when the creds file is missing', () => {
    expect(() => natsAuth(join(dir, 'missing.creds'))).toThrow(/missing\.creds/);
  });

  it('is read from NATS_CREDS for the api and its notification worker', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fleet',
      AUTH_SECRET: 'x'.repeat(32),
      NATS_URL: 'tls://nats.example:4222',
      NATS_CREDS: '/etc/fleet/nats/service.creds',
    });
    expect(config.nats).toEqual({
      url: 'tls://nats.example:4222',
      credsPath: '/etc/fleet/nats/service.creds',
    });
    expect(config.notify.worker?.natsCredsPath).toBe('/etc/fleet/nats/service.creds');
  });
});
