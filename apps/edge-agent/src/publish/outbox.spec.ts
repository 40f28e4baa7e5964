import { type TelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import { MemoryBatchStore } from './batch-store.js';
import { EnvelopeFactory } from './envelope-factory.js';
import { Outbox } from './outbox.js';
import type { Publisher } from './publisher.js';

const sample = { kind: 'pack' as const, ts: '2026-11-25T12:00:00.000Z', bus: 'can0', bmsAddress: 0, ...PACK };

/** Fails the first `failures` attempts, then accepts; records every attempt. */
class FlakyPublisher implements Publisher {
  readonly attempts: number[] = [];
  constructor(private failures: number) {}
  async publish(envelope: TelemetryEnvelope): Promise<void> {
    this.attempts.push(envelope.seq);
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('nats: timeout');
    }
  }
}

function setup(failures: number, capacity = 10) {
  const clock = new FakeClock();
  const publisher = new FlakyPublisher(failures);
  const sut = new Outbox(new MemoryBatchStore(capacity), publisher, clock, silentLogger, {
    initialMs: 100,
    maxMs: 800,
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
    expect(clock.ms - start).toBe(100 + 200 + 400 + 800);
    expect(sut.depth).toBe(0);
  });

  it('drops the oldest batch when the queue is full and counts it', async () => {
    const { sut, publisher, envelopes } = setup(0, 2);
    for (let i = 0; i < 5; i += 1) {
      sut.enqueue(envelopes.create([sample]));
    }
    expect(sut.counters.dropped).toBe(3);
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
