import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export interface ControlReply {
  status: number;
  body: unknown;
}

export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Literal path, or with one `:param` segment, e.g. `/faults/:id`. */
  path: string;
  handle(input: { body: unknown; params: Record<string, string> }): ControlReply;
}

/** Largest request body accepted (a fault is a few hundred bytes). */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * HTTP for tests and the demo (loopback unless --listen-host says otherwise): JSON in, JSON
 * out. Unknown path → 404, known path with another method → 405, unreadable body → 400; a
 * handler that throws is a 500 with its message, never a crash.
 */
export class ControlServer {
  private server: Server | undefined;

  constructor(
    private readonly port: number,
    private readonly routes: readonly ControlRoute[],
    private readonly logger: Logger,
    private readonly host = '127.0.0.1',
  ) {}

  start(): Promise<number> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        this.logger.error({ err: error }, 'control request failed');
        send(res, 500, { error: 'internal', message: error.message });
      });
    });
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const matching = this.routes.flatMap((route) => {
      const params = matchPath(route.path, path);
      return params === undefined ? [] : [{ route, params }];
    });
    if (matching.length === 0) {
      send(res, 404, { error: 'not-found', message: `no route ${path}; try /health, /state or /faults` });
      return;
    }
    const match = matching.find((m) => m.route.method === req.method);
    if (match === undefined) {
      const allowed = matching.map((m) => m.route.method).join(', ');
      send(res, 405, { error: 'method-not-allowed', message: `${req.method} ${path}: allowed ${allowed}` });
      return;
    }
    const body = await readJsonBody(req);
    if (!body.ok) {
      send(res, 400, { error: 'bad-request', message: body.message });
      return;
    }
    const reply = match.route.handle({ body: body.value, params: match.params });
    send(res, reply.status, reply.body);
  }
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) {
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

async function readJsonBody(
  req: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return { ok: false, message: `body larger than ${MAX_BODY_BYTES} bytes` };
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') {
    return { ok: true, value: undefined };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `body is not valid JSON: ${(error as Error).message}` };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
