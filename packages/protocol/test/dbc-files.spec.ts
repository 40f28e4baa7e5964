// The DBC files under packages/protocol/dbc/ are generated; this fails when someone changes a
// signal definition without regenerating them (`npm run dbc -w @fleet/protocol`) or edits a
// file by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pylontechDbcFiles } from '../src/dbc/pylontech-dbc.js';

describe('checked-in DBC files', () => {
  for (const file of pylontechDbcFiles()) {
    it(`dbc/${file.fileName} equals the generator's output (run npm run dbc -w @fleet/protocol)`, () => {
      const onDisk = readFileSync(new URL(`../dbc/${file.fileName}`, import.meta.url), 'ascii');
      expect(onDisk).toBe(file.text);
    });
  }
});
