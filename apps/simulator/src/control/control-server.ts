import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export type ControlRoutes = Record<string, () => unknown>;

/**
 * HTTP for tests and the demo (loopback unless --listen-host says otherwise): GET routes returning JSON; anything else is a
 * JSON 404 (unknown path) or 405 (other method).
 */
export class ControlServer {
  private server: Server | undefined;

  constructor(
    private readonly port: number,
    private readonly routes: ControlRoutes,
    private readonly logger: Logger,
    private readonly host = '127.0.0.1',
  ) {}

  start(): Promise<number> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (error) =>
        reject(new Error(`cannot listen on ${this.host}:${this.port}: ${error.message}`)),
      );
      server.listen(this.port, this.host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : this.port);
      });
    });
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server?.listening) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = this.routes[path];
    if (route === undefined) {
      send(res, 404, { error: 'not-found', message: `no route ${path}; try /health or /state` });
      return;
    }
    if (req.method !== 'GET') {
      send(res, 405, {
        error: 'method-not-allowed',
        message: `${req.method} ${path}: only GET is supported`,
      });
      return;
    }
    try {
      send(res, 200, route());
    } catch (error) {
      this.logger.error({ err: error, path }, 'control route failed');
      send(res, 500, { error: 'internal', message: (error as Error).message });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
