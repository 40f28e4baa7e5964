// `npm run dbc -w @fleet/protocol`: writes the generated DBC files next to this script.
// The generation itself is pure (src/dbc/pylontech-dbc.ts); only this file touches the disk.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pylontechDbcFiles } from '../src/dbc/pylontech-dbc.js';

const here = dirname(fileURLToPath(import.meta.url));
for (const file of pylontechDbcFiles()) {
  const path = join(here, file.fileName);
  writeFileSync(path, file.text, 'ascii');
  console.log(`wrote ${path} (${file.text.length} bytes)`);
}
