// Serves cloud commands over whichever transport the uplink offers (NATS request/reply or MQTT5
// request/response): parses the body, lets CommandHandler answer, replies where the requester
// asked, counts and logs each request. A bad request gets an error reply, never a crash.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type CommandHandler, parseCommandBody } from './command-handler.js';
import { type CommandReply, signReply } from './command-reply.js';
import type { CommandRequest, CommandTransport, ReplyOutcome } from './command-transport.js';

export interface CommandServerDeps {
  gatewayId: string;
  handler: CommandHandler;
  transport: CommandTransport;
  clock: Clock;
  logger: Logger;
  replyKey?: string;
}

export interface CommandServerCounters {
  requests: number;
  /** Replies with ok: false. */
  errors: number;
  /** Replies that could not be sent, by outcome. */
  unanswered: Partial<Record<Exclude<ReplyOutcome, 'sent'>, number>>;
}

export class CommandServer {
  readonly counters: CommandServerCounters = { requests: 0, errors: 0, unanswered: {} };

  constructor(private readonly deps: CommandServerDeps) {}

  /** Serves until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    this.deps.logger.info({ source: this.deps.transport.source }, 'serving commands');
    await this.deps.transport.serve((request) => this.serveOne(request), signal);
  }

  private async serveOne(request: CommandRequest): Promise<void> {
    const { verb } = request;
    this.counters.requests += 1;
    const reply = await this.answer(verb, request.data);
    if (!reply.ok) {
      this.counters.errors += 1;
    }
    const outcome = await request
      .respond(new TextEncoder().encode(JSON.stringify(reply)))
      .catch((): ReplyOutcome => 'failed');
    if (outcome !== 'sent') {
      this.counters.unanswered[outcome] = (this.counters.unanswered[outcome] ?? 0) + 1;
    }
    this.deps.logger.info({ verb, ok: reply.ok, error: reply.error?.code, reply: outcome }, 'command');
  }

  private async answer(verb: string, data: Uint8Array): Promise<CommandReply> {
    const body = parseCommandBody(data);
    if (!body.ok) {
      return this.error(verb, 'bad-request', body.message);
    }
    try {
      return await this.deps.handler.handle(verb, body.body);
    } catch (error) {
      // A failing reader (e.g. a cell snapshot) must cost one error reply, not the server.
      return this.error(verb, 'unavailable', (error as Error).message);
    }
  }

  private error(verb: string, code: 'bad-request' | 'unavailable', message: string): CommandReply {
    return signReply(
      {
        gatewayId: this.deps.gatewayId,
        verb,
        ok: false,
        error: { code, message },
        at: this.deps.clock.now().toISOString(),
      },
      this.deps.replyKey,
    );
  }
}
