import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { errorBodySchema } from '../../openapi/error-body.schema.js';
import { RateLimitGuard } from './rate-limit.guard.js';

export const RATE_LIMIT = 'fleet:rateLimit';

/** What, besides the client IP, an attempt is counted against: a body field of the route. */
export type RateSubject = 'email' | 'challenge' | 'token' | 'publicKey' | 'gatewayId';

export interface RateLimitRule {
  /** Routes sharing a bucket share their counts (login and its TOTP step are one). */
  bucket: string;
  subject: RateSubject;
}

/**
 * Limits attempts on a public credential route per client IP and per subject (the email, the
 * TOTP challenge's user, the one-time token): over the limit the answer is 429 RATE_LIMITED with
 * Retry-After. Limits come from config (AUTH_RATE_LIMIT, AUTH_RATE_LIMIT_IP).
 */
export function RateLimit(bucket: string, subject: RateSubject) {
  const rule: RateLimitRule = { bucket, subject };
  return applyDecorators(
    SetMetadata(RATE_LIMIT, rule),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description: 'Too many attempts; retry after the seconds in the Retry-After header.',
      standardSchema: errorBodySchema,
      headers: {
        'Retry-After': {
          description: 'Seconds until another attempt is accepted.',
          schema: { type: 'integer' },
        },
      },
    }),
  );
}
