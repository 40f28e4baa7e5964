import { createHash, randomBytes } from 'node:crypto';

let counter = 0;
const run = randomBytes(3).toString('hex');

/**
 * A short lower-case token unique across parallel test files and processes sharing one
 * database (random per process + counter), usable in slugs, e-mails and gateway ids.
 */
export function uniqueSuffix(): string {
  counter += 1;
  return `${run}${counter.toString(36)}`;
}

/**
 * A UUID derived from a name (RFC 9562 v5 layout over SHA-1), so the seed gets the same ids on
 * every run and can upsert entities that have no natural unique key (sites, MBMS groups).
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`fleet:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
