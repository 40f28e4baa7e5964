import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseClaimCode } from '@fleet/telemetry';
import { credsAuthenticator } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { claimLabelSvg } from './claim-label.js';
import { credsFileText, pollBody } from './enrolment-client.js';
import { loadOrCreateIdentity, SEED_FILE } from './gateway-identity.js';

const dir = mkdtempSync(join(tmpdir(), 'gateway-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadOrCreateIdentity', () => {
  it('makes a user key on first start, owner-only, and finds the same key and code again', () => {
    const first = loadOrCreateIdentity(join(dir, 'a'));
    const file = join(dir, 'a', SEED_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.publicKey).toMatch(/^U[A-Z2-7]{55}$/);
    expect(parseClaimCode(first.claimCode)).toEqual({ ok: true, code: first.claimCode });
    const again = loadOrCreateIdentity(join(dir, 'a'));
    expect([again.publicKey, again.claimCode]).toEqual([first.publicKey, first.claimCode]);
    expect(loadOrCreateIdentity(join(dir, 'b')).claimCode).not.toBe(first.claimCode);
  });

  it('takes a loosened seed file back to owner-only', () => {
    loadOrCreateIdentity(join(dir, 'c'));
    const file = join(dir, 'c', SEED_FILE);
    chmodSync(file, 0o644);
    loadOrCreateIdentity(join(dir, 'c'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('enrolment pieces', () => {
  const identity = loadOrCreateIdentity(join(dir, 'd'));

  it('signs its poll with its own key over its own code', () => {
    const body = pollBody(identity, new Date('2027-01-10T12:00:00Z'));
    const message = `fleet-enrol/1\n${identity.claimCode}\n${identity.publicKey}\n2027-01-10T12:00:00.000Z`;
    const signature = Buffer.from(body.proof, 'base64url');
    expect(identity.key.verify(new TextEncoder().encode(message), signature)).toBe(true);
    expect(body).toMatchObject({ claimCode: identity.claimCode, publicKey: identity.publicKey });
  });

  it('writes a .creds file nats.js reads back as this JWT and seed', async () => {
    const text = credsFileText('eyJ.fake.jwt', identity.seed);
    const auth = credsAuthenticator(new TextEncoder().encode(text));
    const answer = await auth('nonce');
    expect(answer).toMatchObject({ jwt: 'eyJ.fake.jwt', nkey: identity.publicKey });
    expect(readFileSync(join(dir, 'd', SEED_FILE), 'utf8')).toContain(identity.seed);
  });

  it('prints a label with the code in type and as a QR code', async () => {
    const svg = await claimLabelSvg(identity.claimCode);
    expect(svg).toContain(`>${identity.claimCode}</text>`);
    expect(svg.match(/<svg /g)?.length).toBe(2);
    expect(svg).toContain('<path');
  });
});
