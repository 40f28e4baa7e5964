// `node packages/db/dist/cli/seed.js` with DATABASE_URL set: the demo fleet, idempotently.
// DEMO_FLEET_FILE picks another fleet file (default infra/demo/demo-fleet.json).
// Composition root of the CLI, so it is the one place that reads the env.
import { createPrismaClient } from '../client.js';
import { DEFAULT_DEMO_FLEET_PATH, loadDemoFleet } from '../seed/demo-fleet.js';
import { seedDemo } from '../seed/seed-demo.js';
import { redactUrl } from './redact-url.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('seed: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/fleet)');
  process.exit(2);
}

const db = createPrismaClient(databaseUrl);
try {
  console.log(`seeding demo fleet into ${redactUrl(databaseUrl)}`);
  const fleet = loadDemoFleet(process.env.DEMO_FLEET_FILE ?? DEFAULT_DEMO_FLEET_PATH);
  const report = await seedDemo(db, fleet, (line) => console.log(`  ${line}`));
  console.log(`${report.created.length} created, ${report.unchanged.length} already there`);
} catch (error) {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
