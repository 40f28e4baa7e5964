// A webhook target that notes when each call arrived and whether its signature verifies, as a
// customer's endpoint would check it.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { verifyWebhookSignature } from '../../apps/api/src/notifications/providers/webhook-signature.js';

export interface TimedCall {
  atMs: number;
  verified: boolean;
  alarm: { alarmId: string; stringId: string | null; code: string; transition: string };
}

export class TimedWebhook {
  readonly calls: TimedCall[] = [];
  secret = '';
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const atMs = performance.now();
        const body = Buffer.concat(chunks).toString('utf8');
        const header = req.headers['x-fleet-signature'];
        const check = verifyWebhookSignature(
          this.secret,
          typeof header === 'string' ? header : undefined,
          body,
          300,
        );
        try {
          this.calls.push({
            atMs,
            verified: check.ok,
            alarm: (JSON.parse(body) as { alarm: TimedCall['alarm'] }).alarm,
          });
        } catch {
          // not JSON: counted as unverified noise by the bench's summary
          this.calls.push({
            atMs,
            verified: false,
            alarm: { alarmId: '', stringId: null, code: '', transition: '' },
          });
        }
        res.writeHead(check.ok ? 204 : 401).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}
