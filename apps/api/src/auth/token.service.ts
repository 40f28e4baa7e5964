import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { TokenIdentity } from '../logging/api-request.js';

const ISSUER = 'fleet-api';
const AUDIENCE = 'fleet';
/** Audience of the TOTP login challenge: never accepted as a session, and the reverse. */
const CHALLENGE_AUDIENCE = 'fleet-totp';
/** Time to type a code after the password was accepted. */
const CHALLENGE_TTL_SECONDS = 300;

/** A verified session token: its identity and when it was issued (ms, for the reset cut-off). */
export interface VerifiedToken extends TokenIdentity {
  issuedAtMs: number;
}

/**
 * Session tokens: JWT, HS256 over AUTH_SECRET, carrying the user id (`sub`), tenant (`tid`)
 * and role. Only the user id is trusted beyond authentication: AuthGuard re-reads role,
 * organisation and scope from the database on every request, so a demotion counts at once.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.secret);
    this.ttlSeconds = config.auth.tokenTtlSeconds;
  }

  /**
   * `iat` carries milliseconds (a NumericDate may be fractional, RFC 7519 §2): a password reset
   * refuses tokens issued before it, and a login right after a reset must not fall in its second.
   */
  async sign(auth: TokenIdentity): Promise<string> {
    const now = Date.now();
    return new SignJWT({ tid: auth.tenantId, role: auth.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(auth.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now / 1000)
      .setExpirationTime(Math.floor(now / 1000) + this.ttlSeconds)
      .sign(this.key);
  }

  /** The identity in a token, or UNAUTHENTICATED for anything forged, expired or malformed. */
  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      const { sub, tid, role, iat } = payload;
      if (typeof sub !== 'string' || typeof tid !== 'string' || typeof role !== 'string') {
        throw new AppError('UNAUTHENTICATED', 'token lacks the user, tenant or role claim');
      }
      return { userId: sub, tenantId: tid, role, issuedAtMs: typeof iat === 'number' ? iat * 1000 : 0 };
    } catch (error) {
      if (error instanceof AppError) {
        throw error;
      }
      const expired = error instanceof errors.JWTExpired;
      throw new AppError('UNAUTHENTICATED', expired ? 'token expired' : 'invalid token', { cause: error });
    }
  }

  /** A short-lived proof that `userId` passed the password step of a login with TOTP on. */
  async signTotpChallenge(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(CHALLENGE_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${CHALLENGE_TTL_SECONDS}s`)
      .sign(this.key);
  }

  /** The user id of a valid challenge, or UNAUTHENTICATED. */
  async verifyTotpChallenge(challenge: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(challenge, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: CHALLENGE_AUDIENCE,
      });
      if (typeof payload.sub !== 'string') {
        throw new Error('challenge without subject');
      }
      return payload.sub;
    } catch (error) {
      throw new AppError('UNAUTHENTICATED', 'invalid or expired login challenge', { cause: error });
    }
  }
}
