import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec_test';
const body = '{"id":"a:1"}';
const t = 1_800_000_000;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, as a receiver computes it by hand', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, t), body, 300, t + 299)).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it('refuses a changed body, another secret, a stale or missing header', () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, header, `${body} `, 300, t)).toEqual({
      ok: false,
      reason: 'signature mismatch',
    });
    expect(verifyWebhookSignature('other', header, body, 300, t).ok).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, t + 301)).toEqual({
      ok: false,
      reason: 'timestamp outside tolerance',
    });
    expect(verifyWebhookSignature(secret, undefined, body, 300, t).ok).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=abc', body, 300, t).ok).toBe(false);
    expect(verifyWebhookSignature(secret, `t=${t},v1=zz`, body, 300, t).ok).toBe(false);
  });

  it('accepts any of several v1 values (secret rotation) and refuses a forged timestamp', () => {
    const good = signWebhook(secret, body, t).split(',')[1];
    expect(verifyWebhookSignature(secret, `t=${t},v1=${'0'.repeat(64)},${good}`, body, 300, t).ok).toBe(true);
    expect(verifyWebhookSignature(secret, `t=${t + 1},${good}`, body, 300, t).ok).toBe(false);
  });
});
