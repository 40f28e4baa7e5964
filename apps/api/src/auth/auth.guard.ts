import { AccessRepository } from '@fleet/db';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../access/access.decorator.js';
import { setRequestScope } from '../access/request-scope.js';
import { AppError } from '../common/app-error.js';
import type { ApiRequest } from '../logging/api-request.js';
import { IS_PUBLIC } from './public.decorator.js';
import { TokenService } from './token.service.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Global guard: every route needs a valid bearer token and an access rule (`@Access(...roles)`)
 * unless marked `@Public()`. Deny by default twice over: a new controller is protected without
 * anyone remembering to protect it, and a route nobody wrote a rule for is refused to everyone.
 * The caller is resolved from the database on each request (role, organisation, owner sites,
 * active support grants), so an expired or revoked grant counts from the next request on.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AccessRepository) private readonly access: AccessRepository,
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
    const identity = await this.tokens.verify(match[1]);
    const principal = await this.access.principalOf(identity.userId);
    if (!principal) {
      throw new AppError('UNAUTHENTICATED', 'user no longer exists');
    }
    request.auth = {
      userId: principal.userId,
      tenantId: principal.orgId,
      role: principal.role,
      orgKind: principal.orgKind,
      scope: principal.scope,
      scopeChangesAt: principal.scopeChangesAt,
    };
    setRequestScope(principal.scope);
    request.log = request.log?.child({ tenantId: principal.orgId, userId: principal.userId });
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) {
      request.log?.error({ path: request.url }, 'route has no access rule; refused');
      throw new AppError('FORBIDDEN', 'this route has no access rule');
    }
    if (!rule.roles.includes(principal.role)) {
      throw new AppError('FORBIDDEN', `role ${principal.role} may not do this`);
    }
    return true;
  }
}
