import { updateCheckMessage } from '@fleet/telemetry';
import { createUser, fromPublic } from '@nats-io/nkeys';
import { describe, expect, it } from 'vitest';
import { updateCheckUrl } from './update-check-client.js';

describe('updateCheckUrl', () => {
  it('asks for the gateway’s own id with a signature of its key over the shared message', () => {
    const key = createUser();
    const now = new Date('2027-01-17T10:00:00.000Z');
    const url = new URL(updateCheckUrl('https://api.example/', 'gw-roof', key, now));
    expect(url.pathname).toBe('/api/gateways/gw-roof/update');
    const q = url.searchParams;
    expect(q.get('publicKey')).toBe(key.getPublicKey());
    expect(q.get('signedAt')).toBe(now.toISOString());
    const message = new TextEncoder().encode(
      updateCheckMessage('gw-roof', key.getPublicKey(), now.toISOString()),
    );
    const proof = Buffer.from(q.get('proof') ?? '', 'base64url');
    expect(fromPublic(key.getPublicKey()).verify(message, proof)).toBe(true);
    // Signed for this gateway only: the same proof does not vouch for another id.
    const other = new TextEncoder().encode(
      updateCheckMessage('gw-other', key.getPublicKey(), now.toISOString()),
    );
    expect(fromPublic(key.getPublicKey()).verify(other, proof)).toBe(false);
  });
});
