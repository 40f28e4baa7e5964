import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { TokenIdentity } from '../logging/api-request.js';

const ISSUER = 'fleet-api';
const AUDIENCE = 'fleet';

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

  async sign(auth: TokenIdentity): Promise<string> {
    return new SignJWT({ tid: auth.tenantId, role: auth.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(auth.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The identity in a token, or UNAUTHENTICATED for anything forged, expired or malformed. */
  async verify(token: string): Promise<TokenIdentity> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      const { sub, tid, role } = payload;
      if (typeof sub !== 'string' || typeof tid !== 'string' || typeof role !== 'string') {
        throw new AppError('UNAUTHENTICATED', 'token lacks the user, tenant or role claim');
      }
      return { userId: sub, tenantId: tid, role };
    } catch (error) {
      if (error instanceof AppError) {
        throw error;
      }
      const expired = error instanceof errors.JWTExpired;
      throw new AppError('UNAUTHENTICATED', expired ? 'token expired' : 'invalid token', { cause: error });
    }
  }
}
