// Publishes a heartbeat every `everyMs` over the uplink's HeartbeatTransport (NATS or IoT
// Core) and keeps the latest for the status endpoint. A beat that cannot be sent is counted
// (link.publishFailures) and logged when sending starts failing, never retried.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type BusSnapshot, buildHeartbeat, type Heartbeat, type HeartbeatInput } from './heartbeat.js';
import type { HeartbeatTransport } from './heartbeat-transport.js';

export interface HeartbeatDeps {
  clock: Clock;
  logger: Logger;
  transport: HeartbeatTransport;
  /** Everything but `now` and `link`, read fresh for each beat. */
  read: () => Omit<HeartbeatInput, 'now' | 'link'>;
}

export class HeartbeatPublisher {
  private latest: Heartbeat | undefined;
  private previous: { at: Date; bus: BusSnapshot } | undefined;
  private publishFailures = 0;
  private failing = false;

  constructor(
    private readonly deps: HeartbeatDeps,
    private readonly everyMs: number,
  ) {}

  get current(): Heartbeat | undefined {
    return this.latest;
  }

  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.beat();
      await this.deps.clock.sleep(this.everyMs, signal);
    }
  }

  async beat(): Promise<Heartbeat> {
    const link = await this.deps.transport.link();
    const now = this.deps.clock.now();
    const input = { ...this.deps.read(), now, link: { ...link, publishFailures: this.publishFailures } };
    const heartbeat = buildHeartbeat(input, this.previous);
    this.previous = { at: now, bus: input.bus };
    this.latest = heartbeat;
    try {
      await this.deps.transport.send(input.gatewayId, new TextEncoder().encode(JSON.stringify(heartbeat)));
      this.failing = false;
    } catch (error) {
      this.publishFailures += 1;
      const log = { err: (error as Error).message, publishFailures: this.publishFailures };
      // Warn when beats start failing (a refusing policy shows here), not on every beat of an outage.
      if (this.failing) {
        this.deps.logger.debug(log, 'heartbeat not published');
      } else {
        this.deps.logger.warn(log, 'heartbeat not published');
      }
      this.failing = true;
    }
    return heartbeat;
  }
}
