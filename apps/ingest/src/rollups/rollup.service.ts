import { RollupRepository } from '@fleet/db';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A backfill logs its progress at most this often. */
const PROGRESS_EVERY_MS = 10_000;

export interface RollupPassResult {
  hours: number;
  days: number;
  skippedOld: number;
}

/**
 * Keeps the 1m/1h/1d rollups current: every ROLLUP_EVERY_S it drains the rollup_dirty queue in
 * transactions of ROLLUP_MAX_HOURS hours (RollupRepository.runOnce), logging progress while a
 * long backfill runs, then moves the fleet list's stored completeness to the current hour's window
 * (RollupRepository.refreshCompleteness). Every ingest process may run it; their runs split the queue. Failures are
 * logged and the queue stays as it was (the claim rolls back with the upserts).
 */
@Injectable()
export class RollupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopping = false;
  private partitionsEnsuredAt = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(RollupRepository) private readonly rollups: RollupRepository,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.logger = logger.child({ module: 'rollups' });
  }

  onApplicationBootstrap(): void {
    if (this.config.rollups.everyS === 0) {
      this.logger.info('rollup job off in this process (ROLLUP_EVERY_S=0)');
      return;
    }
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Drains the queue once (until empty or shutdown); what the timer runs. */
  async pass(): Promise<RollupPassResult> {
    await this.ensurePartitionsDaily();
    const total: RollupPassResult = { hours: 0, days: 0, skippedOld: 0 };
    let lastLog = this.clock();
    for (let runs = 1; !this.stopping; runs++) {
      const run = await this.rollups.runOnce({
        maxHours: this.config.rollups.maxHoursPerRun,
        recomputeAfter: this.recomputeAfter(),
        now: new Date(this.clock()),
      });
      total.hours += run.hours;
      total.days += run.days;
      total.skippedOld += run.skippedOld;
      if (run.hours + run.skippedOld === 0) {
        break;
      }
      if (runs > 1 && this.clock() - lastLog >= PROGRESS_EVERY_MS) {
        lastLog = this.clock();
        this.logger.info({ ...total, remaining: await this.rollups.pending() }, 'rollup backfill progress');
      }
    }
    // The fleet list's stored completeness follows its 24 h window, which moves every hour for
    // every string, also those that sent nothing since (a no-op within the hour).
    if (!this.stopping) {
      await this.rollups.refreshCompleteness(new Date(this.clock()));
    }
    if (total.skippedOld > 0) {
      this.logger.warn(
        { skippedOld: total.skippedOld },
        'dirty hours older than raw retention dropped without recompute (their raw samples may be gone)',
      );
    }
    return total;
  }

  /**
   * Rollup partitions on plain PostgreSQL (1m monthly, 1h/1d yearly) from last month to a year
   * ahead, daily; 0 on TimescaleDB. A failure is logged: rows then wait in the default partition.
   */
  private async ensurePartitionsDaily(): Promise<void> {
    const now = this.clock();
    if (now - this.partitionsEnsuredAt < DAY_MS) {
      return;
    }
    try {
      const created = await this.rollups.ensurePartitions(
        new Date(now - 31 * DAY_MS),
        new Date(now + 366 * DAY_MS),
      );
      this.partitionsEnsuredAt = now;
      this.logger.info({ created }, 'rollup partitions ensured');
    } catch (error) {
      this.logger.error(
        { err: error },
        'ensuring rollup partitions failed; rows fall into the default partition',
      );
    }
  }

  /** Raw samples older than the raw tier may be partly gone; an hour of margin for the job's own pace. */
  private recomputeAfter(): Date {
    return new Date(this.clock() - this.config.retention.rawDays * DAY_MS + HOUR_MS);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then((r) => {
          if (r.hours > 0) {
            this.logger.debug(r, 'rollups updated');
          }
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'rollup pass failed; retried next time'))
        .finally(() => {
          if (!this.stopping) {
            this.schedule(this.config.rollups.everyS * 1000);
          }
        });
    }, delayMs);
    this.timer.unref();
  }
}
