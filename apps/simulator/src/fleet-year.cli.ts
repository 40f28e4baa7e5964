// Writes the acceptance fleet's accelerated year (model/fleet-year-fixture.ts) to a JSON file:
//   node --conditions=@fleet/source --import tsx apps/simulator/src/fleet-year.cli.ts \
//     packages/analytics/test/fixtures/fleet-year-40.json
import { writeFileSync } from 'node:fs';
import { fleetYearFixture } from './model/fleet-year-fixture.js';

const out = process.argv[2];
if (out === undefined) {
  console.error('usage: fleet-year.cli.ts <output.json>');
  process.exit(2);
}
const started = performance.now();
const fixture = fleetYearFixture();
writeFileSync(out, `${JSON.stringify(fixture)}\n`);
console.log(`${fixture.strings.length} strings in ${Math.round(performance.now() - started)} ms -> ${out}`);
