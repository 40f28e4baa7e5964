import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiSchema } from './openapi-schema.js';

describe('openApiSchema', () => {
  it('inlines schemas that carry a zod id instead of leaving #/definitions refs', () => {
    const keys = z.object({ auth: z.string() }).meta({ id: 'SpecKeys' });
    const sut = openApiSchema(z.object({ endpoint: z.string(), keys }).meta({ id: 'SpecBody' }));
    expect(JSON.stringify(sut)).not.toContain('definitions');
    expect(sut).toMatchObject({
      type: 'object',
      required: ['endpoint', 'keys'],
      properties: {
        endpoint: { type: 'string' },
        keys: { type: 'object', properties: { auth: { type: 'string' } } },
      },
    });
  });

  it('keeps a schema without ids as zod renders it', () => {
    const schema = z.object({ note: z.string().max(10).optional() });
    expect(openApiSchema(schema)).toEqual(z.toJSONSchema(schema, { target: 'openapi-3.0' }));
  });

  it('names a recursive schema it cannot inline', () => {
    const tree = z
      .object({
        get children() {
          return z.array(tree);
        },
      })
      .meta({ id: 'SpecTree' });
    expect(() => openApiSchema(tree)).toThrow(/cannot inline #\/definitions\/SpecTree \(recursive\)/);
  });
});
