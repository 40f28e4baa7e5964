import type { AlarmOutboxRepository, OutboxEntry } from '@fleet/db';
import { alarmEventMessageId } from '@fleet/telemetry';
import type { Logger } from '../logging/root-logger.js';
import { endFailedWith, startPublishSpan, traceparentOf } from '../tracing/alarm-spans.js';
import type { AlarmEventPublisher } from './alarm-event-publisher.js';

const BATCH = 500;

/**
 * Publishes alarm_transition rows not yet in ALARMS (the outbox), oldest first, each with
 * Nats-Msg-Id `<alarmId>:<seq>` and the trace context stored with the row as its `traceparent`
 * header (issue 11), and marks them published. Called after every commit, on a timer
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
          await this.publishOne(entry);
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

  /** In an `alarm-event publish` span continuing the trace stored with the row; its traceparent is the header. */
  private async publishOne(entry: OutboxEntry): Promise<void> {
    const span = startPublishSpan(entry.subject, entry.traceparent);
    try {
      await this.publisher.publish(
        entry.subject,
        new TextEncoder().encode(JSON.stringify(entry.event)),
        alarmEventMessageId(entry),
        traceparentOf(span),
      );
      span.end();
    } catch (error) {
      endFailedWith(span, error);
      throw error;
    }
  }
}
