import { SerialPort } from 'serialport';
import type { Logger } from '../logger.js';
import type { ByteLink, ByteLinkHandlers } from './byte-link.js';

const REOPEN_DELAY_MS = 1000;

/**
 * SLCAN over a serial device (e.g. one end of a socat pty pair). The baud rate is irrelevant on
 * a pty and on USB CDC adapters. If the device goes away it is reopened until `close()`.
 */
export class SerialLink implements ByteLink {
  private port: SerialPort | undefined;
  private closing = false;
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly logger: Logger,
  ) {}

  async start(handlers: ByteLinkHandlers): Promise<void> {
    await this.open(handlers);
  }

  write(text: string): void {
    if (this.port?.isOpen) {
      this.port.write(text);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reopenTimer);
    const port = this.port;
    if (port?.isOpen) {
      await new Promise<void>((resolve) => port.close(() => resolve()));
    }
  }

  private open(handlers: ByteLinkHandlers): Promise<void> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: this.path, baudRate: 115_200, autoOpen: false });
      port.on('data', (chunk: Buffer) => handlers.onData(chunk));
      port.on('error', (error) => this.logger.warn({ err: error, path: this.path }, 'serial port error'));
      port.on('close', () => this.scheduleReopen(handlers));
      port.open((error) => {
        if (error) {
          reject(new Error(`cannot open serial device ${this.path}: ${error.message}`));
          return;
        }
        this.port = port;
        this.logger.info({ path: this.path }, 'serial device open');
        handlers.onConnect();
        resolve();
      });
    });
  }

  private scheduleReopen(handlers: ByteLinkHandlers): void {
    if (this.closing) {
      return;
    }
    this.logger.warn({ path: this.path }, 'serial device closed; reopening');
    this.reopenTimer = setTimeout(() => {
      this.open(handlers).catch((error: Error) => {
        this.logger.warn({ err: error }, 'reopen failed');
        this.scheduleReopen(handlers);
      });
    }, REOPEN_DELAY_MS);
  }
}
