import type { SchemaObject } from '@nestjs/swagger';
import { type ZodType, z } from 'zod';

/**
 * An inline OpenAPI 3.0 schema of a zod schema, for `@ApiBody`/`@ApiParam`. Explicit because
 * @nestjs/swagger reads `@Body({ schema })` only where decorator metadata is emitted (tsc),
 * not under vitest, and the document must be the same in both.
 */
export function openApiSchema(schema: ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as SchemaObject;
}
