// Heartbeats over core NATS on `bms.v1.hb.<gatewayId>` (the HEARTBEAT stream captures them; a
// missed beat is not worth a retry). Link quality: RTT to the server, reconnects/disconnects
// from the connection's status stream.
import { subjects } from '@fleet/telemetry';
import type { NatsConnection } from '@nats-io/transport-node';
import type { HeartbeatTransport, LinkState } from './heartbeat-transport.js';

export class NatsHeartbeatTransport implements HeartbeatTransport {
  private readonly counts = { reconnects: 0, disconnects: 0 };
  private watched: NatsConnection | undefined;

  /** `connection`: the live connection, or undefined while it is being dialled. */
  constructor(private readonly connection: () => NatsConnection | undefined) {}

  async link(): Promise<LinkState> {
    const nc = this.connection();
    this.watch(nc);
    const rttMs = nc && !nc.isClosed() ? await nc.rtt().catch(() => null) : null;
    return { connected: rttMs !== null, rttMs, ...this.counts };
  }

  async send(gatewayId: string, body: Uint8Array): Promise<void> {
    const nc = this.connection();
    if (nc === undefined) {
      throw new Error('not connected to NATS yet');
    }
    nc.publish(subjects.heartbeat(gatewayId), body);
  }

  private watch(nc: NatsConnection | undefined): void {
    if (nc === undefined || nc === this.watched) {
      return;
    }
    this.watched = nc;
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'reconnect') {
          this.counts.reconnects += 1;
        } else if (status.type === 'disconnect') {
          this.counts.disconnects += 1;
        }
      }
    })();
  }
}
