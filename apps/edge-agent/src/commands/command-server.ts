// The NATS side of commands: core request/reply on `bms.v1.cmd.<gatewayId>.<verb>`. Subscribes
// once the connection exists (it is dialled in the background) and answers every request;
// a bad request gets an error reply, never a crash.
import { subjects } from '@fleet/telemetry';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type CommandHandler, parseCommandBody } from './command-handler.js';
import { signReply } from './command-reply.js';

export interface CommandServerDeps {
  gatewayId: string;
  handler: CommandHandler;
  /** The live connection, or undefined while it is being dialled. */
  connection: () => NatsConnection | undefined;
  clock: Clock;
  logger: Logger;
  replyKey?: string;
}

export class CommandServer {
  readonly counters = { requests: 0, errors: 0 };
  private subscription: Subscription | undefined;

  constructor(private readonly deps: CommandServerDeps) {}

  /** Waits for the connection, then serves until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    let nc = this.deps.connection();
    while (nc === undefined && !signal.aborted) {
      await this.deps.clock.sleep(250, signal);
      nc = this.deps.connection();
    }
    if (nc === undefined || signal.aborted) {
      return;
    }
    const prefix = subjects.command(this.deps.gatewayId, '');
    const sub = nc.subscribe(`${prefix}>`);
    this.subscription = sub;
    signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
    this.deps.logger.info({ subject: `${prefix}>` }, 'serving commands');
    for await (const message of sub) {
      const verb = message.subject.slice(prefix.length);
      this.counters.requests += 1;
      const reply = await this.answer(verb, message.data);
      if (!reply.ok) {
        this.counters.errors += 1;
      }
      this.deps.logger.info({ verb, ok: reply.ok, error: reply.error?.code }, 'command');
      if (message.reply) {
        message.respond(new TextEncoder().encode(JSON.stringify(reply)));
      }
    }
  }

  private async answer(verb: string, data: Uint8Array) {
    const body = parseCommandBody(data);
    if (!body.ok) {
      return signReply(
        {
          gatewayId: this.deps.gatewayId,
          verb,
          ok: false,
          error: { code: 'bad-request', message: body.message },
          at: this.deps.clock.now().toISOString(),
        },
        this.deps.replyKey,
      );
    }
    return this.deps.handler.handle(verb, body.body);
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }
}
