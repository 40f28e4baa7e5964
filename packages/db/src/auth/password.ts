import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost for new hashes: N = 2^15, r = 8, p = 1 (~32 MiB, tens of ms), above the
 * interactive-login minimum RFC 7914 §2 suggests; stored with each hash so it can be raised.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Upper bounds for parameters read from a stored hash, so a forged row cannot exhaust memory. */
const MAX = { N: 2 ** 20, r: 32, p: 16 };

/** `scrypt$N$r$p$<salt b64>$<hash b64>` of the password. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(plain, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `plain` matches `stored`; false for a wrong password or a malformed stored value. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) {
    return false;
  }
  const actual = await derive(plain, parsed.salt, parsed.hash.length, parsed.cost);
  return timingSafeEqual(actual, parsed.hash);
}

function parseStored(stored: string) {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    rest.length === 0 &&
    Number.isInteger(cost.N) &&
    cost.N > 1 &&
    cost.N <= MAX.N &&
    (cost.N & (cost.N - 1)) === 0 &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= MAX.r &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= MAX.p &&
    salt &&
    hash;
  if (!valid) {
    return undefined;
  }
  const hashBytes = Buffer.from(hash, 'base64');
  return hashBytes.length >= 16 ? { cost, salt: Buffer.from(salt, 'base64'), hash: hashBytes } : undefined;
}

function derive(plain: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }) {
  // maxmem must cover 128 * N * r bytes (Node's default 32 MiB is exactly N = 2^15, r = 8).
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(plain.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
