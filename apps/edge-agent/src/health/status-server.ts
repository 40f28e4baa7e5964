// Local status endpoint: GET http://127.0.0.1:<--status-port>/status → the latest heartbeat as
// JSON (also /health: 200 while the agent runs; /metrics: Prometheus text, see agent-metrics.ts). Bound to loopback only: it is for a
// technician on the gateway, not for the network.
import { createServer, type Server } from 'node:http';
import { metricsHandler, type Registry } from '@fleet/service-kit/metrics';
import type { Logger } from '../logger.js';

export class StatusServer {
  private server: Server | undefined;

  constructor(
    private readonly port: number,
    private readonly status: () => unknown,
    private readonly logger: Logger,
    private readonly metrics?: Registry,
    /** Extra loopback pages (the claim page of an unclaimed agent); undefined: not found. */
    private readonly pages?: (path: string | undefined) => Promise<[number, string, string] | undefined>,
  ) {}

  /** Resolves with the bound port (0 picks a free one). */
  start(): Promise<number> {
    const server = createServer((req, res) => {
      const path = req.url?.split('?')[0];
      if (req.method === 'GET' && path === '/metrics' && this.metrics) {
        // Loopback only (the server binds 127.0.0.1), so no token.
        metricsHandler(this.metrics, { open: true })(req, res);
        return;
      }
      if (req.method === 'GET' && this.pages && path !== '/status' && path !== '/health') {
        this.pages(path).then(
          (page) => {
            const [status, type, body] = page ?? [404, 'application/json', '{"error":"not found"}'];
            res.writeHead(status, { 'content-type': type }).end(body);
          },
          () => res.writeHead(500).end(),
        );
        return;
      }
      if (req.method !== 'GET' || (path !== '/status' && path !== '/health')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":"GET /status, /health or /metrics"}');
        return;
      }
      const body = path === '/health' ? { ok: true } : this.status();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (error) => {
        this.logger.error({ err: error.message, port: this.port }, 'status endpoint could not listen');
        reject(error);
      });
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : this.port);
      });
    });
  }

  /**
   * Serves until `signal` aborts. A port already taken is logged and the agent reads on
   * without the endpoint: losing the status page must never stop the data.
   */
  async run(signal: AbortSignal): Promise<void> {
    try {
      const port = await this.start();
      this.logger.info({ url: `http://127.0.0.1:${port}/status` }, 'status endpoint listening');
    } catch {
      return;
    }
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    await this.close();
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
