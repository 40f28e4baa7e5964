import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'X-Fleet-Signature';
/** Header carrying `<alarmId>:<seq>`: receivers drop a repeat of an id they already processed. */
export const EVENT_ID_HEADER = 'X-Fleet-Event-Id';

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * For receivers: checks a `X-Fleet-Signature` header against the raw request body (the exact
 * bytes received, before any JSON parsing). The timestamp is signed too, so a captured request
 * replayed later than `toleranceS` seconds is refused. Constant-time comparison.
 *
 * ```ts
 * const check = verifyWebhookSignature(secret, req.headers['x-fleet-signature'], rawBody, 300);
 * if (!check.ok) return res.status(401).end();
 * ```
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  toleranceS: number,
  nowS: number = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!header) {
    return { ok: false, reason: 'missing signature header' };
  }
  const fields = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const [key, ...rest] = part.trim().split('=');
    if (key && rest.length > 0) {
      fields.set(key, [...(fields.get(key) ?? []), rest.join('=')]);
    }
  }
  const timestamp = Number(fields.get('t')?.[0]);
  if (!Number.isInteger(timestamp)) {
    return { ok: false, reason: 'no timestamp in signature header' };
  }
  if (Math.abs(nowS - timestamp) > toleranceS) {
    return { ok: false, reason: 'timestamp outside tolerance' };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  // Several v1 values may be sent while a secret is being rotated; any match is enough.
  const match = (fields.get('v1') ?? []).some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, timestamp } : { ok: false, reason: 'signature mismatch' };
}
