import { type TelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import { EnvelopeFactory } from './envelope-factory.js';
import { MemoryBatchStore } from './memory-batch-store.js';
import type { OutboundEnvelope } from './outbound-envelope.js';
import { Outbox } from './outbox.js';
import type { Publisher } from './publisher.js';

const sample = { kind: 'pack' as const, ts: '2026-11-25T12:00:00.000Z', bus: 'can0', bmsAddress: 0, ...PACK };

/** Fails the first `failures` attempts, then accepts; records every attempt. */
class FlakyPublisher implements Publisher {
  readonly attempts: number[] = [];
  constructor(private failures: number) {}
  async publish(envelope: TelemetryEnvelope): Promise<void> {
    this.attempts.push(envelope.seq);
    // A failure takes a turn of the event loop, as a real timeout does; with the fake clock's
    // instant sleeps the retry loop would otherwise never let the test's abort run.
    await new Promise((r) => setImmediate(r));
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('nats: timeout');
    }
  }
}

function setup(failures: number, capacity = 10, replayRatePerS = 1000) {
  const clock = new FakeClock();
  const publisher = new FlakyPublisher(failures);
  const store = new MemoryBatchStore({ maxBytes: 1e9, maxBatches: capacity });
  const sut = new Outbox(store, publisher, clock, silentLogger, {
    initialMs: 100,
    maxMs: 800,
    replayRatePerS,
  });
  const envelopes = new EnvelopeFactory('gw-test-1', 'boot-1234', clock);
  return { sut, publisher, envelopes, clock };
}

async function drain(sut: Outbox, until: () => boolean): Promise<void> {
  const abort = new AbortController();
  const running = sut.run(abort.signal);
  for (let i = 0; i < 1000 && !until(); i += 1) {
    await new Promise((r) => setImmediate(r));
  }
  abort.abort();
  await running;
}

describe('EnvelopeFactory', () => {
  it('numbers batches from 0 under one boot id and produces valid envelopes', () => {
    const { envelopes } = setup(0);
    const first = envelopes.create([sample]);
    const second = envelopes.create([sample]);
    expect([first.seq, second.seq]).toEqual([0, 1]);
    expect(second).toMatchObject({ schema: 'bms.tlm/1', gatewayId: 'gw-test-1', bootId: 'boot-1234' });
    expect(telemetryEnvelopeSchema.safeParse(first).success).toBe(true);
  });
});

describe('Outbox', () => {
  it('retries a failing batch with growing backoff, then publishes everything in order', async () => {
    const { sut, publisher, envelopes, clock } = setup(4);
    const start = clock.ms;
    for (let i = 0; i < 3; i += 1) {
      sut.enqueue(envelopes.create([sample]));
    }
    await drain(sut, () => sut.counters.published === 3);
    expect(publisher.attempts).toEqual([0, 0, 0, 0, 0, 1, 2]);
    expect(sut.counters).toEqual({ published: 3, failedAttempts: 4, dropped: 0 });
    // Backoff only; after the outage, seq 1 and 2 are backlog and the bucket has tokens for them.
    expect(clock.ms - start).toBe(100 + 200 + 400 + 800);
    expect(sut.depth).toBe(0);
  });

  it('drops the oldest batch when the store is full and counts it by class', async () => {
    const { sut, publisher, envelopes } = setup(0, 2);
    for (let i = 0; i < 5; i += 1) {
      sut.enqueue(envelopes.create([sample]));
    }
    expect(sut.counters.dropped).toBe(3);
    expect(sut.spoolStats().dropped).toEqual({ cells: 0, pack: 3, event: 0 });
    await drain(sut, () => sut.depth === 0);
    expect(publisher.attempts).toEqual([3, 4]);
  });

  it('flush gives up at the first failure and keeps the batch', async () => {
    const { sut, envelopes } = setup(1);
    sut.enqueue(envelopes.create([sample]));
    await sut.flush(1000);
    expect(sut.depth).toBe(1);
    await sut.flush(1000);
    expect(sut.depth).toBe(0);
  });
});

describe('Outbox replay lanes', () => {
  /** A store left behind by an earlier boot (seq 0..4 of boot-old), then an outbox on it. */
  function afterRestart(replayRatePerS: number, onPublish: (e: OutboundEnvelope) => void = () => {}) {
    const clock = new FakeClock();
    const store = new MemoryBatchStore({ maxBytes: 1e9 });
    const old = new EnvelopeFactory('gw-test-1', 'boot-old', clock);
    for (let i = 0; i < 5; i += 1) {
      store.append(old.create([sample]), clock.ms);
    }
    const published: string[] = [];
    const publisher: Publisher = {
      publish: async (e) => {
        published.push(`${e.bootId}:${e.seq}`);
        onPublish(e);
      },
    };
    const sut = new Outbox(store, publisher, clock, silentLogger, { replayRatePerS });
    const live = new EnvelopeFactory('gw-test-1', 'boot-new', clock);
    return { sut, clock, published, live };
  }

  it('replays an earlier boot’s batches with their old ids, in order, at the replay rate', async () => {
    const { sut, clock, published } = afterRestart(2);
    expect(sut.spoolStats()).toMatchObject({ depth: 5, backlog: 5 });
    const start = clock.ms;
    await drain(sut, () => sut.depth === 0);
    expect(published).toEqual(['boot-old:0', 'boot-old:1', 'boot-old:2', 'boot-old:3', 'boot-old:4']);
    // Two tokens saved up, then one every 500 ms.
    expect(clock.ms - start).toBe(1500);
    expect(sut.spoolStats().replay).toMatchObject({ limitPerS: 2, replayed: 5 });
  });

  it('publishes live batches ahead of the backlog, so a replay never starves live data', async () => {
    let enqueueLive: () => void = () => {};
    const { sut, published, live } = afterRestart(1, (e) => {
      if (e.bootId === 'boot-old' && e.seq === 1) {
        enqueueLive();
      }
    });
    enqueueLive = () => sut.enqueue(live.create([sample]));
    sut.enqueue(live.create([sample]));
    await drain(sut, () => sut.depth === 0);
    expect(published).toEqual([
      'boot-new:0',
      'boot-old:0',
      'boot-old:1',
      'boot-new:1',
      'boot-old:2',
      'boot-old:3',
      'boot-old:4',
    ]);
    expect(sut.spoolStats().replay.replayed).toBe(5);
  });

  it('turns what was stored during an outage into backlog and reports it', async () => {
    const { sut, envelopes, clock } = setup(Number.MAX_SAFE_INTEGER, 10, 1);
    sut.enqueue(envelopes.create([sample]));
    sut.enqueue(envelopes.create([sample]));
    expect(sut.spoolStats()).toMatchObject({ depth: 2, backlog: 0, oldestAgeMs: 0, kind: 'memory' });
    const before = clock.ms;
    await drain(sut, () => sut.counters.failedAttempts >= 2);
    expect(sut.spoolStats()).toMatchObject({ depth: 2, backlog: 2, oldestAgeMs: clock.ms - before });
    expect(sut.spoolStats().oldestAgeMs).toBeGreaterThan(0);
  });
});
