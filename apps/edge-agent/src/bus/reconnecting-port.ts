// A BytePort kept open: connects in the background, reconnects forever after the device is
// unplugged or the socket closes, and tells its owner (the RS485 and console clients) about
// data, connects and losses. The SLCAN transport has its own loop because it must also
// re-initialise the adapter; line-oriented links need nothing more than this.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { BytePort } from './byte-port.js';

export interface ReconnectingPortHandlers {
  onData(chunk: Uint8Array): void;
  /** The port is open (first time or again): parsers should start from a clean state. */
  onConnect(): void;
  /** The port went away; requests in flight will get no answer. */
  onLost(reason: string): void;
}

export interface ReconnectingPortOptions {
  /** For logs: which link this is (`rs485`, `console`). */
  link: string;
  reconnectDelayMs: number;
}

export class ReconnectingPort {
  readonly counters = { connects: 0, reconnects: 0 };
  private connected = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private handlers: ReconnectingPortHandlers | undefined;

  constructor(
    private readonly port: BytePort,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ReconnectingPortOptions,
  ) {}

  get description(): string {
    return this.port.description;
  }

  get ready(): boolean {
    return this.connected;
  }

  /** Starts connecting in the background; never rejects (an absent device is retried). */
  start(handlers: ReconnectingPortHandlers): void {
    this.handlers = handlers;
    void this.connectLoop();
  }

  /** Writes when connected; false (nothing written) otherwise. */
  write(text: string): boolean {
    if (!this.connected) {
      return false;
    }
    this.port.write(text);
    return true;
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.connected = false;
    await this.port.close();
  }

  private async connectLoop(): Promise<void> {
    while (!this.stopped && !this.connected) {
      try {
        await this.port.open({
          onData: (chunk) => this.handlers?.onData(chunk),
          onClose: (reason) => this.lost(reason),
        });
        if (this.stopped) {
          await this.port.close();
          return;
        }
        this.connected = true;
        this.counters.connects += 1;
        this.logger.info({ link: this.options.link, port: this.port.description }, 'serial link connected');
        this.handlers?.onConnect();
      } catch (error) {
        this.logger.warn(
          { link: this.options.link, port: this.port.description, err: (error as Error).message },
          'serial link unavailable; retrying',
        );
        await this.clock.sleep(this.options.reconnectDelayMs, this.abort.signal);
      }
    }
  }

  private lost(reason: string): void {
    this.connected = false;
    if (this.stopped) {
      return;
    }
    this.counters.reconnects += 1;
    this.logger.warn(
      { link: this.options.link, port: this.port.description, reason },
      'serial link lost; reconnecting',
    );
    this.handlers?.onLost(reason);
    void this.clock.sleep(this.options.reconnectDelayMs, this.abort.signal).then(() => this.connectLoop());
  }
}
