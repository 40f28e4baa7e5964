// Both BatchStore implementations against one set of rules: order, delete only what was acked,
// the quota's drop policy, and (for the SQLite spool) what a crash leaves behind. The spool
// tests use a temp file on local disk: that file is the thing under test.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackSample, TelemetryEnvelope } from '@fleet/telemetry';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { classifyBatch } from './batch-class.js';
import type { BatchStore } from './batch-store.js';
import { MemoryBatchStore, type StoreQuota } from './memory-batch-store.js';
import { SpoolOpenError, SqliteBatchStore } from './sqlite-batch-store.js';

const pack: PackSample = {
  kind: 'pack',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 1,
  ...PACK,
};
// Kinds engineer-added sample types will carry; the store only looks at `kind`.
const cells = { ...pack, kind: 'cells' } as unknown as PackSample;
const event = { ...pack, kind: 'event' } as unknown as PackSample;

function envelope(seq: number, samples: PackSample[] = [pack], bootId = 'boot-a'): TelemetryEnvelope {
  const at = new Date(Date.UTC(2026, 10, 25, 12, 0, seq)).toISOString();
  return { schema: 'bms.tlm/1', gatewayId: 'gw-spool-1', bootId, seq, sentAt: at, samples };
}

const BYTES_PER_BATCH = Buffer.byteLength(JSON.stringify(envelope(10))) + 96;
const dirs: string[] = [];
const open: BatchStore[] = [];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spool-spec-'));
  dirs.push(dir);
  return join(dir, 'nested', 'spool.db');
}

afterEach(() => {
  for (const store of open.splice(0)) {
    store.close();
  }
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const factories: [string, (quota: StoreQuota) => BatchStore][] = [
  ['memory', (quota) => new MemoryBatchStore(quota)],
  ['sqlite', (quota) => new SqliteBatchStore(tempFile(), quota)],
];

describe.each(factories)('%s batch store', (_name, create) => {
  const make = (quota: StoreQuota = { maxBytes: 1e9 }) => {
    const store = create(quota);
    open.push(store);
    return store;
  };

  it('hands batches back oldest first, with their envelope ids, and deletes only what was removed', () => {
    const sut = make();
    for (let seq = 10; seq < 13; seq += 1) {
      expect(sut.append(envelope(seq), 1000 + seq)).toEqual([]);
    }
    const first = sut.oldest();
    expect(first?.envelope).toEqual(envelope(10));
    expect(first?.storedAtMs).toBe(1010);
    expect(sut.oldest(first!.id + 2)?.envelope.seq).toBe(12);
    sut.remove(first!.id);
    sut.remove(first!.id); // a second ack of the same batch is harmless
    expect(sut.oldest()?.envelope.seq).toBe(11);
    expect(sut.size).toBe(2);
    expect(sut.countBelow(sut.lastId)).toBe(1);
    expect(sut.bytes).toBe(2 * BYTES_PER_BATCH);
  });

  it('at the quota drops the oldest cell snapshots first, then pack samples, events last', () => {
    // Room for four batches ('cells' and 'event' are a byte longer than 'pack').
    const sut = make({ maxBytes: 4 * BYTES_PER_BATCH + 8 });
    const kinds = [event, cells, pack, cells];
    kinds.forEach((kind, seq) => {
      expect(sut.append(envelope(10 + seq, [kind]), seq)).toEqual([]);
    });
    const dropSeqs = (seq: number, samples: PackSample[]) =>
      sut.append(envelope(seq, samples), seq).map((d) => `${d.batchClass}:${d.seq}`);
    expect(dropSeqs(14, [pack])).toEqual(['cells:11']);
    expect(dropSeqs(15, [event])).toEqual(['cells:13']);
    expect(dropSeqs(16, [pack])).toEqual(['pack:12']);
    expect(dropSeqs(17, [event])).toEqual(['pack:14']);
    expect(dropSeqs(18, [cells])).toEqual(['cells:18']); // only snapshot left: the new one goes
    expect(dropSeqs(19, [event])).toEqual(['pack:16']);
    expect(dropSeqs(20, [event])).toEqual(['event:10']);
    const left: number[] = [];
    for (let b = sut.oldest(); b; b = sut.oldest(b.id + 1)) {
      left.push(b.envelope.seq);
    }
    expect(left).toEqual([15, 17, 19, 20]);
    expect(sut.bytes).toBeLessThanOrEqual(4 * BYTES_PER_BATCH + 8);
  });

  it('never holds more than the quota, even for a batch larger than all of it', () => {
    const sut = make({ maxBytes: BYTES_PER_BATCH * 1.5 });
    sut.append(envelope(10), 0);
    const dropped = sut.append(envelope(11, [pack, pack, pack]), 1);
    expect(dropped.map((d) => d.seq)).toEqual([10, 11]);
    expect(sut.size).toBe(0);
    expect(sut.bytes).toBe(0);
  });
});

describe('classifyBatch', () => {
  it('gives a batch the class of its most precious sample', () => {
    expect(classifyBatch(envelope(1, [cells, cells]))).toBe('cells');
    expect(classifyBatch(envelope(1, [cells, pack]))).toBe('pack');
    expect(classifyBatch(envelope(1, [pack, event, cells]))).toBe('event');
    expect(classifyBatch(envelope(1, [{ ...pack, kind: 'module-extremes' } as unknown as PackSample]))).toBe(
      'pack',
    );
  });
});

describe('SqliteBatchStore on disk', () => {
  it('keeps committed batches when the process dies without closing, and never reuses ids', () => {
    const path = tempFile();
    const first = new SqliteBatchStore(path, { maxBytes: 1e9 });
    for (let seq = 10; seq < 15; seq += 1) {
      first.append(envelope(seq), seq);
    }
    first.remove(first.oldest()!.id);
    // What a SIGKILL or a power cut leaves: the database and its WAL, never checkpointed or closed.
    const crashed = join(mkdtempSync(join(tmpdir(), 'spool-crash-')), 'spool.db');
    dirs.push(join(crashed, '..'));
    copyFileSync(path, crashed);
    expect(existsSync(`${path}-wal`)).toBe(true);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    const lastId = first.lastId;
    first.close();

    const sut = new SqliteBatchStore(crashed, { maxBytes: 1e9 });
    open.push(sut);
    expect(sut.size).toBe(4);
    expect(sut.bytes).toBe(4 * BYTES_PER_BATCH);
    expect(sut.oldest()?.envelope).toEqual(envelope(11));
    expect(sut.lastId).toBe(lastId);
    for (let b = sut.oldest(); b; b = sut.oldest()) {
      sut.remove(b.id);
    }
    sut.append(envelope(10, [pack], 'boot-b'), 9);
    expect(sut.oldest()?.id).toBe(lastId + 1);
  });

  it('refuses a second agent on the same spool with a clear error', () => {
    const path = tempFile();
    const first = new SqliteBatchStore(path, { maxBytes: 1e9 });
    open.push(first);
    expect(() => new SqliteBatchStore(path, { maxBytes: 1e9 })).toThrow(SpoolOpenError);
    expect(() => new SqliteBatchStore(path, { maxBytes: 1e9 })).toThrow(/cannot open spool .*spool\.db/);
  });

  it('counts and deletes a row it cannot read, and goes on with the next', () => {
    const path = tempFile();
    const first = new SqliteBatchStore(path, { maxBytes: 1e9 });
    first.append(envelope(10), 0);
    first.append(envelope(11), 1);
    first.close();
    const raw = new Database(path);
    raw.prepare('UPDATE batch SET payload = ? WHERE seq = 10').run('{"truncated":');
    raw.close();

    const sut = new SqliteBatchStore(path, { maxBytes: 1e9 });
    open.push(sut);
    expect(sut.oldest()?.envelope.seq).toBe(11);
    expect(sut.corrupt).toBe(1);
    expect(sut.size).toBe(1);
  });
});
