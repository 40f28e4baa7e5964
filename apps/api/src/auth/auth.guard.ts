import { AccessRepository, ApiKeyAuthRepository, MemberCredentialsRepository, orgScope } from '@fleet/db';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../access/access.decorator.js';
import { setRequestScope } from '../access/request-scope.js';
import { AppError } from '../common/app-error.js';
import type { ApiRequest, AuthContext } from '../logging/api-request.js';
import { API_KEY_ROLE, apiKeyAllows } from './api-key-access.js';
import { API_KEY_PREFIX, parseApiKey } from './api-key-format.js';
import { IS_PUBLIC } from './public.decorator.js';
import { sameDigest } from './secret-hash.js';
import { TokenService } from './token.service.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Global guard: every route needs a valid bearer token and an access rule (`@Access(...roles)`)
 * unless marked `@Public()`. Deny by default twice over: a new controller is protected without
 * anyone remembering to protect it, and a route nobody wrote a rule for is refused to everyone.
 * The caller is resolved from the database on each request (role, organisation, owner sites,
 * active support grants), so an expired or revoked grant counts from the next request on; a
 * session issued before the person's last password reset is refused. The bearer may also be an
 * organisation's API key (`fk_…`): see api-key-access.ts for what it may call.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AccessRepository) private readonly access: AccessRepository,
    @Inject(MemberCredentialsRepository) private readonly credentials: MemberCredentialsRepository,
    @Inject(ApiKeyAuthRepository) private readonly apiKeys: ApiKeyAuthRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match?.[1]) {
      throw new AppError('UNAUTHENTICATED', 'missing bearer token');
    }
    const isKey = match[1].startsWith(API_KEY_PREFIX);
    const caller = isKey ? await this.apiKeyCaller(match[1]) : await this.sessionCaller(match[1]);
    request.auth = caller.auth;
    setRequestScope(caller.auth.scope);
    request.log = request.log?.child({ tenantId: caller.auth.tenantId, userId: caller.auth.userId });
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) {
      request.log?.error({ path: request.url }, 'route has no access rule; refused');
      throw new AppError('FORBIDDEN', 'this route has no access rule');
    }
    if (caller.keyScopes) {
      const path = (request.url ?? '').split('?')[0] ?? '';
      if (!apiKeyAllows(caller.keyScopes, { method: request.method ?? 'GET', path }, rule.roles)) {
        throw new AppError('FORBIDDEN', 'this API key may not do this');
      }
    } else if (!rule.roles.includes(caller.auth.role)) {
      throw new AppError('FORBIDDEN', `role ${caller.auth.role} may not do this`);
    }
    return true;
  }

  /** A person's session: the principal as the database says now, unless a reset ended it. */
  private async sessionCaller(token: string): Promise<{ auth: AuthContext; keyScopes?: undefined }> {
    const identity = await this.tokens.verify(token);
    const [principal, validAfter] = await Promise.all([
      this.access.principalOf(identity.userId),
      this.credentials.sessionsValidAfter(identity.userId),
    ]);
    if (!principal) {
      throw new AppError('UNAUTHENTICATED', 'user no longer exists');
    }
    if (validAfter && identity.issuedAtMs < validAfter.getTime()) {
      throw new AppError('UNAUTHENTICATED', 'session ended by a password reset; sign in again');
    }
    return {
      auth: {
        userId: principal.userId,
        tenantId: principal.orgId,
        role: principal.role,
        orgKind: principal.orgKind,
        scope: principal.scope,
        scopeChangesAt: principal.scopeChangesAt,
        sessionIssuedAtMs: identity.issuedAtMs,
      },
    };
  }

  /**
   * An organisation's API key: the principal is the organisation (every site it manages), acting
   * with the rights of `support`; `userId` is the key's id, so audit trails name the key.
   */
  private async apiKeyCaller(presented: string): Promise<{ auth: AuthContext; keyScopes: string[] }> {
    const parsed = parseApiKey(presented);
    const key = parsed ? await this.apiKeys.findActive(parsed.id) : null;
    if (!parsed || !key || !sameDigest(key.secretHash, parsed.secretHash)) {
      throw new AppError('UNAUTHENTICATED', 'unknown or revoked API key');
    }
    await this.apiKeys.touch(key.id, new Date());
    return {
      auth: {
        userId: key.id,
        tenantId: key.tenantId,
        role: API_KEY_ROLE,
        orgKind: key.orgKind,
        scope: orgScope(key.tenantId),
        scopeChangesAt: null,
      },
      keyScopes: key.scopes,
    };
  }
}
