import type { MigrationReporter } from './migrate-database.js';

/** Progress lines for humans: `applying 20261125120100_pack_sample… done in 41 ms`. */
export function consoleReporter(out: NodeJS.WritableStream = process.stdout): MigrationReporter {
  return {
    applying: (name) => out.write(`applying ${name}… `),
    applied: (_name, ms) => out.write(`done in ${ms} ms\n`),
    failed: (_name, error) => out.write(`FAILED\n  ${error.message}\n`),
  };
}
