import { streams, subjects } from '@fleet/telemetry';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';

/** The machine's NATS, with cleanup of what one test created (its consumer and subjects). */
export class NatsKit {
  private constructor(readonly nc: NatsConnection) {}

  static async connect(): Promise<NatsKit> {
    return new NatsKit(await connect({ servers: '127.0.0.1:4222' }));
  }

  /** JetStream publish; resolves with whether the stream dropped it as a duplicate. */
  async publish(subject: string, data: Uint8Array | string, msgId?: string): Promise<{ duplicate: boolean }> {
    const ack = await jetstream(this.nc).publish(subject, data, msgId ? { msgID: msgId } : {});
    return { duplicate: ack.duplicate };
  }

  /** Collects core-NATS copies of every message on `subject` from now on. */
  collect(subject: string): { subject: string; data: Uint8Array; headers: MsgHdrs | undefined }[] {
    const seen: { subject: string; data: Uint8Array; headers: MsgHdrs | undefined }[] = [];
    this.nc.subscribe(subject, {
      callback: (_error, msg) => {
        seen.push({ subject: msg.subject, data: msg.data, headers: msg.headers });
      },
    });
    return seen;
  }

  async cleanup(consumer: string, gatewayId: string): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await jsm.consumers.delete(streams.telemetry.name, consumer).catch(() => undefined);
    // Ingest follows INGEST_CONSUMER with `<consumer>-events` on the EVENTS stream.
    await jsm.consumers.delete(streams.events.name, `${consumer}-events`).catch(() => undefined);
    await jsm.streams
      .purge(streams.telemetry.name, { filter: subjects.telemetry(gatewayId) })
      .catch(() => undefined);
    await jsm.streams
      .purge(streams.deadLetter.name, { filter: subjects.deadLetter('tlm', gatewayId) })
      .catch(() => undefined);
    await this.nc.drain();
  }
}
