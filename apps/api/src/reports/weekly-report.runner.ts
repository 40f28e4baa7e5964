import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { WeeklyReportService } from './weekly-report.service.js';

/** First run a while after start (a restart storm must not mail anyone), then hourly: a week's row is sent once. */
const FIRST_RUN_MS = 10 * 60_000;
const EVERY_MS = 60 * 60_000;

/** The weekly schedule: every hour, last week's report for every installer organisation that lacks it. */
@Injectable()
export class WeeklyReportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(WeeklyReportService) private readonly reports: WeeklyReportService,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'weekly-report' });
  }

  onApplicationBootstrap(): void {
    this.schedule(FIRST_RUN_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.running = this.reports
        .runDue()
        .then((sent) => (sent > 0 ? this.logger.info({ sent }, 'weekly reports sent') : undefined))
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'weekly report run failed; next run retries'),
        )
        .finally(() => {
          if (this.timer !== undefined) {
            this.schedule(EVERY_MS);
          }
        });
    }, ms);
    this.timer.unref();
  }
}
