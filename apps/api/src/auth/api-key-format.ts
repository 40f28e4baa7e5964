import { randomBytes, randomUUID } from 'node:crypto';
import { sha256Hex } from './secret-hash.js';

/** `fk_<key id>_<64 hex secret>`: the id finds the row, the secret proves possession. */
const API_KEY = /^fk_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([0-9a-f]{64})$/;

export const API_KEY_PREFIX = 'fk_';

/** A fresh key: shown to its creator once; only `secretHash` is stored. */
export function newApiKey(): { id: string; key: string; secretHash: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('hex');
  return { id, key: `${API_KEY_PREFIX}${id}_${secret}`, secretHash: sha256Hex(secret) };
}

/** The id and the secret's hash of a presented key, or null when it is not one. */
export function parseApiKey(presented: string): { id: string; secretHash: string } | null {
  const match = API_KEY.exec(presented);
  return match?.[1] && match[2] ? { id: match[1], secretHash: sha256Hex(match[2]) } : null;
}
