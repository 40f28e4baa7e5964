import { StandardSchemaValidationPipe } from '@nestjs/common';
import { AppError } from './app-error.js';

/**
 * Validates every `@Body({ schema })` / `@Param({ schema })` against its zod schema (zod 4
 * implements Standard Schema). A failure becomes VALIDATION_FAILED with each issue prefixed by
 * the offending field, e.g. `email: Invalid email address`.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      new AppError(
        'VALIDATION_FAILED',
        issues
          .slice(0, 10)
          .map((issue) => {
            const path = (issue.path ?? [])
              .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
              .join('.');
            return path ? `${path}: ${issue.message}` : issue.message;
          })
          .join('; '),
      ),
  });
}
