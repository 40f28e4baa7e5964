import type { AlarmOutboxRepository } from '@fleet/db';
import { alarmEventMessageId } from '@fleet/telemetry';
import type { Logger } from '../logging/root-logger.js';
import type { AlarmEventPublisher } from './alarm-event-publisher.js';

const BATCH = 500;

/**
 * Publishes alarm_transition rows not yet in ALARMS (the outbox), oldest first, each with
 * Nats-Msg-Id `<alarmId>:<seq>`, and marks them published. Called after every commit, on a timer
 * and at start, so a crash between commit and publish only delays an event. One run at a time;
 * a call during a run asks for another run after it. Publishing twice (two processes, a crash
 * after publish but before marking) is harmless: the stream drops the duplicate id.
 */
export class AlarmOutboxRelay {
  private running: Promise<void> | undefined;
  private again = false;
  published = 0;

  constructor(
    private readonly outbox: AlarmOutboxRepository,
    private readonly publisher: AlarmEventPublisher,
    private readonly logger: Logger,
  ) {}

  /** Resolves when everything unpublished at the time of the call was tried. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.publishAll();
      } catch (error) {
        // NATS or the database is away: the rows stay unpublished for the next run.
        this.logger.warn({ err: error }, 'alarm outbox relay failed; will retry');
        return;
      }
    } while (this.again);
  }

  private async publishAll(): Promise<void> {
    for (;;) {
      const entries = await this.outbox.unpublished(BATCH);
      if (entries.length === 0) {
        return;
      }
      const done = [];
      try {
        for (const entry of entries) {
          await this.publisher.publish(
            entry.subject,
            new TextEncoder().encode(JSON.stringify(entry.event)),
            alarmEventMessageId(entry),
          );
          done.push(entry);
        }
      } finally {
        await this.outbox.markPublished(done);
        this.published += done.length;
      }
      if (entries.length < BATCH) {
        return;
      }
    }
  }
}
