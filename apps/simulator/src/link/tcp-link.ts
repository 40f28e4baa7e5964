import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../logger.js';
import type { ByteLink, ByteLinkHandlers } from './byte-link.js';

/**
 * SLCAN over a TCP listener (loopback by default), for machines without socat. One host at a time, like
 * a serial adapter: a new connection replaces the previous one.
 */
export class TcpLink implements ByteLink {
  private server: Server | undefined;
  private client: Socket | undefined;

  constructor(
    private readonly port: number,
    private readonly logger: Logger,
    private readonly host = '127.0.0.1',
  ) {}

  start(handlers: ByteLinkHandlers): Promise<void> {
    const server = createServer((socket) => this.accept(socket, handlers));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (error) =>
        reject(new Error(`cannot listen on ${this.host}:${this.port}: ${error.message}`)),
      );
      server.listen(this.port, this.host, () => {
        this.logger.info({ port: this.port }, 'TCP listener ready');
        resolve();
      });
    });
  }

  write(text: string): void {
    this.client?.write(text);
  }

  async close(): Promise<void> {
    this.client?.destroy();
    const server = this.server;
    if (server?.listening) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private accept(socket: Socket, handlers: ByteLinkHandlers): void {
    this.client?.destroy();
    this.client = socket;
    this.logger.info({ remote: socket.remotePort }, 'host connected');
    handlers.onConnect();
    socket.on('data', (chunk) => {
      if (this.client === socket) {
        handlers.onData(chunk);
      }
    });
    socket.on('error', (error) => this.logger.warn({ err: error }, 'host connection error'));
    socket.on('close', () => {
      if (this.client === socket) {
        this.client = undefined;
      }
    });
  }
}
