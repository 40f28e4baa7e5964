import type { RollupRepository, RollupRunOptions, RollupRunResult } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../config/ingest-config.js';
import type { Logger } from '../logging/root-logger.js';
import { RollupService } from './rollup.service.js';

const DAY_MS = 86_400_000;

/** A queue of `queued` dirty hours, taken `maxHours` at a time; can fail on a chosen call. */
class FakeRollups {
  calls: RollupRunOptions[] = [];
  partitionCalls = 0;
  /** The clocks refreshCompleteness was called with, and the queue left at each call. */
  refreshes: Array<{ now: Date; queued: number }> = [];
  constructor(
    private queued: number,
    private readonly failOnCall?: number,
  ) {}
  async runOnce(options: RollupRunOptions): Promise<RollupRunResult> {
    this.calls.push(options);
    if (this.calls.length === this.failOnCall) {
      throw new Error('database went away');
    }
    const hours = Math.min(this.queued, options.maxHours);
    this.queued -= hours;
    return { hours, days: hours > 0 ? 1 : 0, skippedOld: 0 };
  }
  async pending(): Promise<number> {
    return this.queued;
  }
  async refreshCompleteness(now: Date): Promise<number> {
    this.refreshes.push({ now, queued: this.queued });
    return 0;
  }
  async ensurePartitions(): Promise<number> {
    this.partitionCalls++;
    return 0;
  }
}

function recordingLogger(lines: Array<[string, unknown, string?]>): Logger {
  const log = (level: string) => (obj: unknown, msg?: string) => lines.push([level, obj, msg]);
  const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') };
  return { ...logger, child: () => logger } as unknown as Logger;
}

describe('RollupService.pass', () => {
  const config = loadIngestConfig({ DATABASE_URL: 'postgresql://x@127.0.0.1/db', ROLLUP_MAX_HOURS: '10' });

  it('drains the queue in runs of ROLLUP_MAX_HOURS and logs a long backfill’s progress', async () => {
    const fake = new FakeRollups(35);
    const lines: Array<[string, unknown, string?]> = [];
    let now = 1_000 * DAY_MS;
    const sut = new RollupService(fake as unknown as RollupRepository, config, recordingLogger(lines), () => {
      now += 6_000;
      return now;
    });

    const result = await sut.pass();

    expect(result.hours).toBe(35);
    expect(fake.calls.map((c) => c.maxHours)).toEqual([10, 10, 10, 10, 10]);
    // Raw older than 90 days may be gone: nothing before (now - 90 days + 1 hour) is recomputed.
    const horizon = fake.calls[0]!.recomputeAfter.getTime();
    expect(horizon).toBeGreaterThan(1_000 * DAY_MS - 90 * DAY_MS);
    expect(horizon).toBeLessThan(1_000 * DAY_MS - 89 * DAY_MS);
    const progress = lines.filter(([, , msg]) => msg === 'rollup backfill progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.[1]).toMatchObject({ remaining: expect.any(Number) });
    expect(fake.partitionCalls).toBe(1);
    // The stored completeness moves to the window of the pass's clock once the queue is drained.
    expect(fake.refreshes).toHaveLength(1);
    expect(fake.refreshes[0]?.queued).toBe(0);
    expect(fake.refreshes[0]!.now.getTime()).toBeGreaterThan(fake.calls.at(-1)!.now!.getTime());
  });

  it('lets a failed run through to the caller, leaving the rest of the queue', async () => {
    const fake = new FakeRollups(35, 2);
    const sut = new RollupService(fake as unknown as RollupRepository, config, recordingLogger([]));
    await expect(sut.pass()).rejects.toThrow('database went away');
    expect(await fake.pending()).toBe(25);
    expect(fake.refreshes).toEqual([]);
  });
});
