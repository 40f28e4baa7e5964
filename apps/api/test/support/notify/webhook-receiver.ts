import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { verifyWebhookSignature } from '../../../src/notifications/providers/webhook-signature.js';

export interface ReceivedCall {
  eventId: string | undefined;
  body: string;
  json: unknown;
  verified: boolean;
}

/**
 * A real HTTP webhook target on a fixed port that checks every call's signature like a customer
 * would. `down()` stops listening (connection refused), `up()` listens again on the same port;
 * `hang` keeps requests open without answering (a target that accepts and never replies).
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  secret = '';
  hang = false;
  private server: Server | undefined;
  private readonly open = new Set<import('node:http').ServerResponse>();

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async up(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = req.headers['x-fleet-signature'];
        const check = verifyWebhookSignature(
          this.secret,
          typeof header === 'string' ? header : undefined,
          body,
          300,
        );
        const eventId = req.headers['x-fleet-event-id'];
        this.calls.push({
          eventId: typeof eventId === 'string' ? eventId : undefined,
          body,
          json: JSON.parse(body),
          verified: check.ok,
        });
        if (this.hang) {
          this.open.add(res);
          return;
        }
        res.writeHead(check.ok ? 204 : 401).end();
      });
    });
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async down(): Promise<void> {
    if (!this.server) {
      return;
    }
    for (const res of this.open) {
      res.destroy();
    }
    this.open.clear();
    this.server.closeAllConnections();
    const closed = once(this.server, 'close');
    this.server.close();
    await closed;
    this.server = undefined;
  }
}
