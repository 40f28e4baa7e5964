import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error.js';
import { createValidationPipe } from './validation.pipe.js';

const schema = z.strictObject({ email: z.email({ error: 'must be an email address' }), n: z.number() });

describe('validation pipe', () => {
  it('returns the parsed value when it matches', async () => {
    const sut = createValidationPipe();
    const value = { email: 'a@b.co', n: 1 };
    await expect(sut.transform(value, { type: 'body', schema })).resolves.toEqual(value);
  });

  it('throws VALIDATION_FAILED naming each offending field', async () => {
    const sut = createValidationPipe();
    const error = await sut
      .transform({ email: 'nope', n: 'x', extra: 1 }, { type: 'body', schema })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('email: must be an email address');
    expect(error.message).toContain('n: ');
    expect(error.message).toContain('extra');
  });
});
