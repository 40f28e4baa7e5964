import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { ApiRequest } from '../logging/api-request.js';
import { presentsHookSecret } from './hook-secret.js';

/**
 * Lets through only the AWS IoT pre-provisioning hook: the bearer must be PROVISIONING_HOOK_SECRET.
 * Runs after the rate limiter, so guessing the secret spends the caller's attempts. The secret and
 * the presented header are never logged or echoed.
 */
@Injectable()
export class HookSecretGuard implements CanActivate {
  private readonly secret: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = config.provisioning.hookSecret;
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.secret === undefined) {
      throw new AppError('NOT_CONFIGURED', 'provisioning check needs PROVISIONING_HOOK_SECRET');
    }
    const request = context.switchToHttp().getRequest<ApiRequest>();
    if (!presentsHookSecret(request.headers.authorization, this.secret)) {
      throw new AppError('UNAUTHENTICATED', 'missing or wrong provisioning hook secret');
    }
    return true;
  }
}
