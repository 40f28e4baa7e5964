import { TimePartitionRepository } from '@fleet/db';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '../logging/root-logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps pack_sample's monthly partitions (plain PostgreSQL) from last month to two months
 * ahead: at start and daily. A failure is logged, not fatal: rows outside every partition land in
 * the default partition and are moved when their month's partition is created.
 */
@Injectable()
export class PartitionMaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(TimePartitionRepository) private readonly partitions: TimePartitionRepository,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'partition-maintenance' });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
    this.timer = setInterval(() => void this.ensure(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async ensure(now = new Date()): Promise<void> {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
    try {
      const created = await this.partitions.ensurePartitions(from, to);
      this.logger.info({ from, to, created }, 'time partitions ensured');
    } catch (error) {
      this.logger.error(
        { err: error },
        'ensuring time partitions failed; rows fall into the default partition',
      );
    }
  }
}
