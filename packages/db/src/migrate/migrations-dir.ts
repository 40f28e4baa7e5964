import { fileURLToPath } from 'node:url';

/**
 * `<repo>/prisma/migrations`, found relative to this file: it sits at the same depth in
 * `src/migrate/` and `dist/migrate/`, so the path holds for sources and for the build.
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));
}
