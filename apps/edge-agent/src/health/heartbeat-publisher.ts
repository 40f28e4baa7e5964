// Publishes a heartbeat on `bms.v1.hb.<gatewayId>` every `everyMs` (core publish: the
// HEARTBEAT stream captures it; a missed beat is not worth a retry) and keeps the latest for
// the status endpoint. Counts NATS reconnects/disconnects and measures RTT for link quality.
import { subjects } from '@fleet/telemetry';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type BusSnapshot, buildHeartbeat, type Heartbeat, type HeartbeatInput } from './heartbeat.js';

export interface HeartbeatDeps {
  clock: Clock;
  logger: Logger;
  connection: () => NatsConnection | undefined;
  /** Everything but `now` and `link`, read fresh for each beat. */
  read: () => Omit<HeartbeatInput, 'now' | 'link'>;
}

export class HeartbeatPublisher {
  private latest: Heartbeat | undefined;
  private previous: { at: Date; bus: BusSnapshot } | undefined;
  private readonly link = { reconnects: 0, disconnects: 0, publishFailures: 0 };
  private watched: NatsConnection | undefined;

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
    const nc = this.deps.connection();
    this.watch(nc);
    const rttMs = nc && !nc.isClosed() ? await nc.rtt().catch(() => null) : null;
    const now = this.deps.clock.now();
    const input = { ...this.deps.read(), now, link: { connected: rttMs !== null, rttMs, ...this.link } };
    const heartbeat = buildHeartbeat(input, this.previous);
    this.previous = { at: now, bus: input.bus };
    this.latest = heartbeat;
    try {
      nc?.publish(subjects.heartbeat(input.gatewayId), JSON.stringify(heartbeat));
    } catch (error) {
      this.link.publishFailures += 1;
      this.deps.logger.debug({ err: (error as Error).message }, 'heartbeat not published');
    }
    return heartbeat;
  }

  private watch(nc: NatsConnection | undefined): void {
    if (nc === undefined || nc === this.watched) {
      return;
    }
    this.watched = nc;
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'reconnect') {
          this.link.reconnects += 1;
        } else if (status.type === 'disconnect') {
          this.link.disconnects += 1;
        }
      }
    })();
  }
}
