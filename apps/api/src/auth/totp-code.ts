import { Secret, TOTP } from 'otpauth';

/** Shown as the account's issuer in authenticator apps. */
const ISSUER = 'Fleet';
/** RFC 6238 defaults (SHA-1, 6 digits, 30 s): what every authenticator app supports. */
const PERIOD_SECONDS = 30;
/** One step either side, for clock drift between the phone and the server. */
const WINDOW = 1;

function totpOf(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (as a QR code) to add the account. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totpOf(secretBase32, accountEmail).toString();
}

/** The time step the code belongs to (within ±1 step of `atMs`), or null when it matches none. */
export function matchTotp(secretBase32: string, code: string, atMs: number): number | null {
  if (!/^\d{6}$/.test(code)) {
    return null;
  }
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: atMs, window: WINDOW });
  return delta === null ? null : Math.floor(atMs / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of a secret at a time: for tests and the setup screen's self-check only. */
export function totpCodeAt(secretBase32: string, atMs: number): string {
  return totpOf(secretBase32).generate({ timestamp: atMs });
}
