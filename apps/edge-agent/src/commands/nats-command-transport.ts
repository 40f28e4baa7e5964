// Commands over core NATS request/reply on `bms.v1.cmd.<gatewayId>.<verb>`. Subscribes once the
// connection exists (it is dialled in the background).
import { subjects } from '@fleet/telemetry';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '../clock.js';
import type { CommandRequest, CommandTransport } from './command-transport.js';

export class NatsCommandTransport implements CommandTransport {
  readonly source: string;
  private readonly prefix: string;

  constructor(
    gatewayId: string,
    /** The live connection, or undefined while it is being dialled. */
    private readonly connection: () => NatsConnection | undefined,
    private readonly clock: Clock,
  ) {
    this.prefix = subjects.command(gatewayId, '');
    this.source = `${this.prefix}>`;
  }

  async serve(onRequest: (request: CommandRequest) => Promise<void>, signal: AbortSignal): Promise<void> {
    let nc = this.connection();
    while (nc === undefined && !signal.aborted) {
      await this.clock.sleep(250, signal);
      nc = this.connection();
    }
    if (nc === undefined || signal.aborted) {
      return;
    }
    const sub = nc.subscribe(this.source);
    signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
    for await (const message of sub) {
      await onRequest({
        verb: message.subject.slice(this.prefix.length),
        data: message.data,
        respond: async (reply) => {
          if (!message.reply) {
            return 'no-reply-address';
          }
          return message.respond(reply) ? 'sent' : 'failed';
        },
      });
    }
  }
}
