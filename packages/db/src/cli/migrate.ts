// `node packages/db/dist/cli/migrate.js [--migrations-dir <path>]` with DATABASE_URL set.
// This file is the composition root of the CLI, so it is the one place that reads the env.
import { parseArgs } from 'node:util';
import { consoleReporter } from '../migrate/console-reporter.js';
import { migrateDatabase } from '../migrate/migrate-database.js';
import { MigrationError } from '../migrate/migration.error.js';
import { redactUrl } from './redact-url.js';

const { values } = parseArgs({ options: { 'migrations-dir': { type: 'string' } } });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('migrate: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/fleet)');
  process.exit(2);
}

try {
  console.log(`migrating ${redactUrl(databaseUrl)}`);
  const result = await migrateDatabase({
    databaseUrl,
    migrationsDir: values['migrations-dir'],
    reporter: consoleReporter(),
  });
  console.log(`${result.applied.length} applied, ${result.alreadyApplied} already applied`);
} catch (error) {
  const code = error instanceof MigrationError ? ` [${error.code}]` : '';
  console.error(`migrate: failed${code}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
