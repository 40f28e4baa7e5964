import { type RetentionRepository, type TimescaleCapabilities } from '@fleet/db';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import type { Logger } from '../logging/root-logger.js';

const HOUR_MS = 3_600_000;

/**
 * Applies the retention tiers (RetentionRepository) at start and every RETENTION_EVERY_H hours,
 * after logging what the server offers (TimescaleDB? compression? continuous aggregates? The
 * Apache edition has neither: the project's own jobs do the work). Failures are logged and
 * retried next time; retention only ever removes what is past its tier, so a late run is harmless.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly retention: RetentionRepository,
    private readonly probe: () => Promise<TimescaleCapabilities>,
    private readonly config: IngestConfig,
    logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.logger = logger.child({ module: 'retention' });
  }

  onApplicationBootstrap(): void {
    this.running = this.logCapabilities();
    if (this.config.retention.everyHours === 0) {
      this.logger.info('retention job off in this process (RETENTION_EVERY_H=0)');
      return;
    }
    this.running = this.running.then(() => this.apply());
    this.timer = setInterval(() => {
      this.running = this.apply();
    }, this.config.retention.everyHours * HOUR_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One retention pass; never throws. */
  async apply(): Promise<void> {
    try {
      const report = await this.retention.apply(new Date(this.clock()));
      for (const table of report) {
        this.logger.info(table, 'retention applied');
      }
    } catch (error) {
      this.logger.error({ err: error }, 'retention pass failed; retried next time');
    }
  }

  private async logCapabilities(): Promise<void> {
    try {
      const caps = await this.probe();
      this.logger.info(
        {
          ...caps,
          usingCompression: false,
          usingContinuousAggregates: false,
        },
        caps.compression
          ? 'TimescaleDB offers compression and continuous aggregates; not enabled yet, own rollup and retention jobs run'
          : 'no TimescaleDB compression or continuous aggregates here (skipped); own rollup and retention jobs run',
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'capability probe failed');
    }
  }
}
