import {
  alarmEventSchema,
  gatewayIdOfSubject,
  parseTelemetryEnvelope,
  subjectFilters,
  subjects,
} from '@fleet/telemetry';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../logging/root-logger.js';
import type { LiveDirectory } from './live-directory.js';
import type { LiveEvent } from './live-event.js';
import { packReadingsOf } from './pack-readings.js';

export type LiveListener = (event: LiveEvent) => void;

/**
 * The one NATS subscription of this API process to telemetry batches and alarm events, fanned
 * out to every open stream (a core subscription: a live view wants what happens now, not a
 * replay, and must not hold back the durable consumers). It connects when the first stream asks
 * and stays connected, reconnecting for ever. Messages are parsed once and mapped to string and
 * site here; which stream may see them is each stream's business.
 */
export class LiveHub {
  private readonly listeners = new Set<LiveListener>();
  private starting: Promise<void> | undefined;
  private connection: NatsConnection | undefined;

  constructor(
    private readonly natsUrl: string | undefined,
    private readonly directory: LiveDirectory,
    private readonly logger: Logger,
  ) {}

  /** False when the API runs without NATS: streams then carry heartbeats only. */
  get enabled(): boolean {
    return this.natsUrl !== undefined;
  }

  /** Adds a listener; returns its removal. */
  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the subscriptions are registered at the server (connecting on first call). */
  ready(): Promise<void> {
    if (this.natsUrl === undefined) {
      return Promise.resolve();
    }
    this.starting ??= this.start(this.natsUrl).catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.starting?.catch(() => undefined);
    await this.connection?.drain().catch(() => undefined);
  }

  private async start(url: string): Promise<void> {
    const nc = await connect({
      servers: url,
      name: 'api:live',
      maxReconnectAttempts: -1,
      waitOnFirstConnect: true,
    });
    this.connection = nc;
    nc.subscribe(subjectFilters.telemetry, { callback: (_err, msg) => this.onTelemetry(msg) });
    nc.subscribe(subjectFilters.alarms, { callback: (_err, msg) => this.onAlarm(msg) });
    // Round trip: the server has both subscriptions before a stream reports itself ready.
    await nc.flush();
    this.logger.info({ url }, 'live hub subscribed');
  }

  private onTelemetry(msg: Msg): void {
    if (this.listeners.size === 0) {
      return;
    }
    const gatewayId = gatewayIdOfSubject(msg.subject);
    const parsed = parseTelemetryEnvelope(msg.data, gatewayId);
    if (!gatewayId || !parsed.ok) {
      return;
    }
    for (const readings of packReadingsOf(parsed.envelope)) {
      const key = `${readings.bus}#${readings.bmsAddress}`;
      this.directory.stringOf(gatewayId, key).then(
        (found) => {
          if (found) {
            const { place, stringId } = found;
            const data = { stringId, siteId: place.siteId, gatewayId, samples: readings.samples };
            this.emit({ type: 'telemetry', tenantId: place.tenantId, siteId: place.siteId, stringId, data });
          }
        },
        (error: unknown) => this.logger.warn({ err: error, gatewayId }, 'live: gateway lookup failed'),
      );
    }
  }

  private onAlarm(msg: Msg): void {
    if (this.listeners.size === 0) {
      return;
    }
    let json: unknown;
    try {
      json = msg.json();
    } catch {
      return;
    }
    const parsed = alarmEventSchema.safeParse(json);
    // The subject names tenant and site; an event saying otherwise is not trusted with either.
    if (!parsed.success || msg.subject !== subjects.alarm(parsed.data.tenantId, parsed.data.siteId)) {
      return;
    }
    const event = parsed.data;
    this.emit({
      type: 'alarm',
      tenantId: event.tenantId,
      siteId: event.siteId,
      stringId: event.stringId,
      data: event,
    });
  }

  private emit(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ err: error }, 'live: a stream failed to take an event');
      }
    }
  }
}
