// Event batches (bms.evt/1) through the same spool and publishers as telemetry: their own
// subject and dedupe id, the last class the quota drops, and a SQLite spool that reads them back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CompositionEvent, eventEnvelopeSchema, type PackSample } from '@fleet/telemetry';
import { afterEach, describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { FakeClock } from '../../test/fakes.js';
import { classifyBatch } from './batch-class.js';
import { EnvelopeFactory } from './envelope-factory.js';
import { EventEnvelopeFactory } from './event-envelope-factory.js';
import { MemoryBatchStore } from './memory-batch-store.js';
import { messageIdOf, subjectOf } from './outbound-envelope.js';
import { SqliteBatchStore } from './sqlite-batch-store.js';

const composition: CompositionEvent = {
  kind: 'composition',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 1,
  protocol: 'hv-can',
  totalCells: 120,
  moduleCount: 8,
  cellsPerModule: 15,
  nominalVoltageV: 384,
  capacityAh: 50,
};
const pack: PackSample = { kind: 'pack', ts: composition.ts, bus: 'can0', bmsAddress: 1, ...PACK };
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function factories() {
  const clock = new FakeClock();
  return {
    telemetry: new EnvelopeFactory('gw-evt-1', 'boot-1', clock),
    events: new EventEnvelopeFactory('gw-evt-1', 'boot-1', clock),
  };
}

describe('event batches in the outbox', () => {
  it('are valid bms.evt/1 envelopes with their own subject and dedupe id', () => {
    const { telemetry, events } = factories();
    const tlm = telemetry.create([pack]);
    const evt = events.create([composition]);
    expect(eventEnvelopeSchema.parse(evt).events).toEqual([composition]);
    expect([subjectOf(tlm), subjectOf(evt)]).toEqual(['bms.v1.tlm.gw-evt-1', 'bms.v1.evt.gw-evt-1']);
    expect([messageIdOf(tlm), messageIdOf(evt)]).toEqual(['gw-evt-1:boot-1:0', 'gw-evt-1:boot-1:e0']);
    expect(classifyBatch(evt)).toBe('event');
  });

  it('are the last the quota gives up', () => {
    const { telemetry, events } = factories();
    const evt = events.create([composition]);
    const bytesOf = (e: object) => Buffer.byteLength(JSON.stringify(e)) + 96;
    const store = new MemoryBatchStore({ maxBytes: bytesOf(evt) + 2 * bytesOf(telemetry.create([pack])) });
    store.append(evt, 0);
    for (let i = 0; i < 5; i += 1) {
      store.append(telemetry.create([pack]), i);
    }
    expect(store.oldest()?.envelope).toEqual(evt);
    expect(store.size).toBe(3);
  });

  it('survive a restart of the SQLite spool and come back as events', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evt-spool-'));
    dirs.push(dir);
    const path = join(dir, 'spool.db');
    const { events } = factories();
    const evt = events.create([composition]);
    const first = new SqliteBatchStore(path, { maxBytes: 1e9 });
    first.append(evt, 0);
    first.close();
    const reopened = new SqliteBatchStore(path, { maxBytes: 1e9 });
    expect(reopened.oldest()).toMatchObject({ envelope: evt, batchClass: 'event' });
    expect(reopened.corrupt).toBe(0);
    reopened.close();
  });
});
