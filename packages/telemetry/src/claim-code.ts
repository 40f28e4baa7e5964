// Claim codes (issue 10, onboarding): what an installer types or scans to claim a gateway.
//
// The code names the gateway's own NATS user key: the first 55 bits of SHA-256 over the ASCII
// public key (`U…`), as 11 Crockford base32 characters, plus one check character, shown as
// `XXXX-XXXX-XXXX`. The gateway proves it holds the key when it fetches its credentials, so
// knowing a code lets an installer claim a gateway but never lets anyone impersonate one (that
// would need a key pair whose hash matches 55 given bits). Hashing stays with the callers
// (node:crypto), so this package keeps no Node I/O.

/** Crockford base32: no I, L, O, U, so a typed 1/l/i or 0/o reads the same. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_CHARS = 11;
/** Bytes of the digest the data characters are read from (55 bits of the first 7 bytes). */
export const CLAIM_CODE_DIGEST_BYTES = 7;

export type ClaimCodeProblem = 'length' | 'character' | 'check';

export type ParseClaimCodeResult =
  | { ok: true; code: string }
  | { ok: false; problem: ClaimCodeProblem; message: string };

/**
 * Luhn mod 32 over the alphabet: catches every single wrong character and every swap of two
 * neighbours, the usual typing errors, with a character from the same alphabet (Crockford's own
 * mod-37 check adds `*~$=U`, which labels and phone keyboards handle badly).
 */
function checkChar(data: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(data[i] as string);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32] as string;
}

function grouped(plain: string): string {
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}`;
}

/** The claim code of a key, from the SHA-256 digest of its ASCII public key (first 7 bytes used). */
export function claimCodeFromDigest(digest: Uint8Array): string {
  if (digest.length < CLAIM_CODE_DIGEST_BYTES) {
    throw new RangeError(`a claim code needs ${CLAIM_CODE_DIGEST_BYTES} digest bytes`);
  }
  let bits = 0n;
  for (const byte of digest.subarray(0, CLAIM_CODE_DIGEST_BYTES)) {
    bits = (bits << 8n) | BigInt(byte);
  }
  bits >>= 1n; // 56 bits read, 55 used
  let data = '';
  for (let i = DATA_CHARS - 1; i >= 0; i--) {
    data += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return grouped(data + checkChar(data));
}

/**
 * Reads a typed or scanned code: case, spaces and dashes do not matter, and I/L read as 1 and
 * O as 0 (Crockford). Returns the canonical `XXXX-XXXX-XXXX` or what is wrong with it.
 */
export function parseClaimCode(input: string): ParseClaimCodeResult {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (plain.length !== DATA_CHARS + 1) {
    return { ok: false, problem: 'length', message: 'a claim code has 12 characters (XXXX-XXXX-XXXX)' };
  }
  const bad = [...plain].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) {
    return { ok: false, problem: 'character', message: `"${bad}" is not a claim code character` };
  }
  if (checkChar(plain.slice(0, DATA_CHARS)) !== plain[DATA_CHARS]) {
    return {
      ok: false,
      problem: 'check',
      message: 'the code has a typing error (its check character differs)',
    };
  }
  return { ok: true, code: grouped(plain) };
}

/** The wire gateway id a claim gives the gateway: `gw-` and its code in lower case. */
export function gatewayIdOfClaimCode(code: string): string {
  return `gw-${code.toLowerCase()}`;
}

/**
 * What a gateway signs with its key to fetch its credentials (`POST /api/enrolment/poll`): the
 * code, its public key and the time it signed, so a captured proof goes stale.
 */
export function enrolmentProofMessage(claimCode: string, publicKey: string, signedAt: string): string {
  return `fleet-enrol/1\n${claimCode}\n${publicKey}\n${signedAt}`;
}
