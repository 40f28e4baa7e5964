import type { Logger } from 'pino';
import type { AlarmEventConsumer } from './alarm-event.consumer.js';
import type { DeliveryScheduler } from './delivery.scheduler.js';
import type { DigestJob } from './digest.job.js';

/** Starts and stops the three loops of the fan-out worker together. */
export class NotifyWorker {
  private digestTimer: NodeJS.Timeout | undefined;
  private digestRun: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly consumer: AlarmEventConsumer,
    private readonly scheduler: DeliveryScheduler,
    private readonly digest: DigestJob,
    private readonly digestEveryMs: number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.consumer.start();
    this.scheduler.start();
    const runDigest = () => {
      this.digestRun = this.digest
        .runOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'digest run failed'));
    };
    this.digestTimer = setInterval(runDigest, this.digestEveryMs);
    runDigest();
    this.logger.info('notification worker started');
  }

  natsConnected(): boolean {
    return this.consumer.isConnected();
  }

  async stop(): Promise<void> {
    clearInterval(this.digestTimer);
    await this.consumer.stop();
    await this.scheduler.stop();
    await this.digestRun;
  }
}
