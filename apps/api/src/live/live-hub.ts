import {
  alarmEventSchema,
  gatewayIdOfSubject,
  parseTelemetryEnvelope,
  subjectFilters,
  subjects,
} from '@fleet/telemetry';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { natsAuth } from '../common/nats-auth.js';
import type { Logger } from '../logging/root-logger.js';
import type { LiveDirectory } from './live-directory.js';
import type { LiveEvent } from './live-event.js';
import { packReadingsOf } from './pack-readings.js';

/** An open stream as the hub sees it. */
export interface LiveListener {
  /** Whether an event of this site could be sent now (lets the hub skip parsing what nobody may see). */
  wants(site: { id: string; tenantId: string }): boolean;
  deliver(event: LiveEvent): void;
}

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
    private readonly natsCredsPath?: string,
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
      ...natsAuth(this.natsCredsPath),
    });
    this.connection = nc;
    nc.subscribe(subjectFilters.telemetry, { callback: (_err, msg) => this.onTelemetry(msg) });
    nc.subscribe(subjectFilters.alarms, { callback: (_err, msg) => this.onAlarm(msg) });
    // Round trip: the server has both subscriptions before a stream reports itself ready.
    await nc.flush();
    this.logger.info({ url }, 'live hub subscribed');
  }

  private onTelemetry(msg: Msg): void {
    const gatewayId = gatewayIdOfSubject(msg.subject);
    if (this.listeners.size === 0 || !gatewayId) {
      return;
    }
    this.fanOutTelemetry(gatewayId, msg.data).catch((error: unknown) =>
      this.logger.warn({ err: error, gatewayId }, 'live: telemetry lookup failed'),
    );
  }

  /**
   * Parses a batch only when some stream may see its site: a process with a few streams open
   * does not parse the whole fleet's telemetry. Lookups are cached promises, so batches of one
   * gateway come out in the order they came in.
   */
  private async fanOutTelemetry(gatewayId: string, data: Uint8Array): Promise<void> {
    const place = await this.directory.gateway(gatewayId);
    const site = place && { id: place.siteId, tenantId: place.tenantId };
    if (!site || ![...this.listeners].some((l) => l.wants(site))) {
      return;
    }
    const parsed = parseTelemetryEnvelope(data, gatewayId);
    if (!parsed.ok) {
      return;
    }
    for (const readings of packReadingsOf(parsed.envelope)) {
      const found = await this.directory.stringOf(gatewayId, `${readings.bus}#${readings.bmsAddress}`);
      if (found) {
        const { place: at, stringId } = found;
        const event = { stringId, siteId: at.siteId, gatewayId, samples: readings.samples };
        this.emit({ type: 'telemetry', tenantId: at.tenantId, siteId: at.siteId, stringId, data: event });
      }
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
        listener.deliver(event);
      } catch (error) {
        this.logger.warn({ err: error }, 'live: a stream failed to take an event');
      }
    }
  }
}
