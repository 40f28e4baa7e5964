import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { decodeJwt } from 'jose';
import { AppError } from '../../common/app-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/app-config.token.js';
import type { ApiRequest } from '../../logging/api-request.js';
import { RATE_LIMIT, type RateLimitRule, type RateSubject } from './rate-limit.decorator.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Counts each attempt on a `@RateLimit` route before its body is validated (a malformed attempt
 * is an attempt too). The client IP is the socket's peer (express `req.ip`: behind a reverse
 * proxy, configure express's trust proxy so it is the client's, not the proxy's).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limits: AppConfig['accounts']['rateLimit'];

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = config.accounts.rateLimit;
  }

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (!rule) {
      return true;
    }
    const request = context.switchToHttp().getRequest<ApiRequest & { ip?: string; body?: unknown }>();
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const subject = subjectOf(rule.subject, request.body);
    const keys = [{ key: `${rule.bucket}:ip:${ip}`, limit: this.limits.perIp }];
    if (subject) {
      keys.push({ key: `${rule.bucket}:${rule.subject}:${subject}`, limit: this.limits.perSubject });
    }
    const decision = this.limiter.hit(keys);
    if (!decision.allowed) {
      context
        .switchToHttp()
        .getResponse<ServerResponse>()
        .setHeader('Retry-After', decision.retryAfterSeconds);
      throw new AppError('RATE_LIMITED', `too many attempts; retry in ${decision.retryAfterSeconds} s`);
    }
    return true;
  }
}

/** The subject of an attempt from its (not yet validated) body; null when absent. */
function subjectOf(subject: RateSubject, body: unknown): string | null {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[subject] : undefined;
  if (typeof value !== 'string' || value === '') {
    return null;
  }
  if (subject === 'email') {
    return value.trim().toLowerCase();
  }
  if (subject === 'challenge') {
    // Unverified on purpose: only a counting key. Forging one only spends that user's attempts.
    const sub = safeSubject(value);
    if (sub) {
      return sub;
    }
  }
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

function safeSubject(jwt: string): string | undefined {
  try {
    const { sub } = decodeJwt(jwt);
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}
