import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Whether an Authorization header carries the hook's shared secret. Both sides are hashed first so
 * the comparison is constant-time whatever the presented length (timingSafeEqual needs equal
 * lengths, and an early length check would tell an attacker the secret's length).
 */
export function presentsHookSecret(header: unknown, secret: string): boolean {
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match?.[1]) {
    return false;
  }
  return timingSafeEqual(sha256(match[1]), sha256(secret));
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
