import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { errorBodySchema } from './error-body.schema.js';

/**
 * The OpenAPI side of a controller behind the global AuthGuard: bearer auth and its 401. Who may
 * call each route is the route's `@Access` rule (docs/access.md).
 */
export const Authenticated = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token.', standardSchema: errorBodySchema }),
  );
