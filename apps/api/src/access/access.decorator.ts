import type { UserRole } from '@fleet/db';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import { errorBodySchema } from '../openapi/error-body.schema.js';

export const ACCESS_RULE = 'fleet:accessRule';

/** Which roles may call a route. Rows are then filtered by the caller's scope (AccessScope). */
export interface AccessRule {
  roles: readonly UserRole[];
}

/**
 * The access rule of one route, enforced by the global AuthGuard and published in the OpenAPI
 * document as `x-access`. A route with neither this nor `@Public()` is refused to everyone, and
 * the access-walk test (test/access/access-walk.medium.spec.ts) fails until it gets one.
 */
export function Access(...roles: UserRole[]): MethodDecorator & ClassDecorator {
  const rule: AccessRule = { roles };
  return applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiExtension('x-access', { roles }),
    ApiForbiddenResponse({ description: 'Your role may not do this.', standardSchema: errorBodySchema }),
  );
}
