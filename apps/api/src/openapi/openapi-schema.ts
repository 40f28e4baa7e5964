import type { SchemaObject } from '@nestjs/swagger';
import { type ZodType, z } from 'zod';

type Json = SchemaObject & { definitions?: Record<string, Json>; $ref?: string };

const DEFINITION_REF = '#/definitions/';

/**
 * An inline OpenAPI 3.0 schema of a zod schema, for `@ApiBody`/`@ApiParam`. Explicit because
 * @nestjs/swagger reads `@Body({ schema })` only where decorator metadata is emitted (tsc and
 * vitest's transform, not tsx/esbuild), and the document should describe the body in both.
 *
 * zod moves every schema with a `.meta({ id })` into `definitions` and leaves a
 * `#/definitions/<id>` ref in its place; an OpenAPI document has no such section, so those
 * refs would dangle (openapi-typescript refuses the document). They are inlined here.
 */
export function openApiSchema(schema: ZodType): SchemaObject {
  const { definitions = {}, ...root } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
  }) as Json;
  return inlineDefinitions(root, definitions, []) as SchemaObject;
}

function inlineDefinitions(node: unknown, definitions: Record<string, Json>, trail: string[]): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => inlineDefinitions(item, definitions, trail));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const { $ref, ...rest } = node as Json;
  if (typeof $ref === 'string' && $ref.startsWith(DEFINITION_REF)) {
    const id = $ref.slice(DEFINITION_REF.length);
    const target = definitions[id];
    if (!target || trail.includes(id)) {
      // A recursive schema cannot be inlined; none of the API's bodies is one, so say which.
      throw new Error(`openApiSchema: cannot inline ${$ref} (${target ? 'recursive' : 'missing'})`);
    }
    return inlineDefinitions({ ...target, ...rest }, definitions, [...trail, id]);
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, inlineDefinitions(value, definitions, trail)]),
  );
}
