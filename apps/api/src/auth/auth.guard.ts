import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error.js';
import type { ApiRequest } from '../logging/api-request.js';
import { IS_PUBLIC } from './public.decorator.js';
import { TokenService } from './token.service.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`. Deny by
 * default, so a new controller is protected without anyone remembering to protect it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match?.[1]) {
      throw new AppError('UNAUTHENTICATED', 'missing bearer token');
    }
    request.auth = await this.tokens.verify(match[1]);
    if (request.log) {
      request.log = request.log.child({ tenantId: request.auth.tenantId, userId: request.auth.userId });
    }
    return true;
  }
}
