import { describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { silentLogger } from '../../test/fakes.js';
import type { Clock } from '../clock.js';
import { EnvelopeFactory } from './envelope-factory.js';
import { MemoryBatchStore } from './memory-batch-store.js';
import { Outbox } from './outbox.js';

const sample = { kind: 'pack' as const, ts: '2026-11-25T12:00:00.000Z', bus: 'can0', bmsAddress: 0, ...PACK };

/** Short sleeps pass at once; a sleep of the longest backoff waits until its signal aborts. */
class HoldingClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private readonly holdMs: number) {}
  now(): Date {
    return new Date('2026-11-25T12:00:00Z');
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (ms < this.holdMs || signal?.aborted) {
      return new Promise((r) => setImmediate(r));
    }
    return new Promise((r) => signal?.addEventListener('abort', () => r(), { once: true }));
  }
}

const ticks = async (n: number) => {
  for (let i = 0; i < n; i += 1) {
    await new Promise((r) => setImmediate(r));
  }
};

describe('Outbox.retryNow', () => {
  it('ends a backoff grown while there was no uplink, so the backlog goes at once', async () => {
    const clock = new HoldingClock(800);
    let uplink = false;
    const published: number[] = [];
    const sut = new Outbox(
      new MemoryBatchStore({ maxBytes: 1e9, maxBatches: 10 }),
      {
        publish: async (e) => {
          if (!uplink) {
            throw new Error('not claimed yet');
          }
          published.push(e.seq);
        },
      },
      clock,
      silentLogger,
      { initialMs: 100, maxMs: 800, replayRatePerS: 1000 },
    );
    sut.enqueue(new EnvelopeFactory('gw-test-1', 'boot-1', clock).create([sample]));
    const abort = new AbortController();
    const running = sut.run(abort.signal);
    await ticks(50);
    expect(clock.sleeps).toEqual([100, 200, 400, 800]); // now held in the longest backoff
    uplink = true;
    await ticks(20);
    expect(published).toEqual([]); // an uplink alone does not end the backoff …
    sut.retryNow();
    await ticks(20);
    expect(published).toEqual([0]); // … retryNow does
    abort.abort();
    await running;
  });
});
