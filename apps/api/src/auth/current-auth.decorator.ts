import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { ApiRequest, AuthContext } from '../logging/api-request.js';

/** The caller's identity as set by AuthGuard; a handler using it on a public route is a bug. */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<ApiRequest>().auth;
  if (!auth) {
    throw new AppError('UNAUTHENTICATED', 'authentication required');
  }
  return auth;
});
