// CAN over an SLCAN adapter: connects (and reconnects forever), initialises the adapter
// (`C`, `S6`, `O`), writes frames, parses the byte stream and hands received frames to
// listeners. Corrupt input is counted and logged; nothing received can throw out of here.
import {
  type CanFrame,
  encodeSlcanCommand,
  encodeSlcanFrame,
  type SlcanCommand,
  SlcanLineParser,
  type SlcanParseResult,
  slcanBitrateCommand,
} from '@fleet/protocol';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { BytePort } from './byte-port.js';
import type { CanBus, ReceivedFrame } from './can-bus.js';

export interface SlcanTransportCounters {
  framesIn: number;
  framesOut: number;
  corrupt: number;
  /** BEL replies: the adapter refused a command or a frame. */
  adapterErrors: number;
  reconnects: number;
}

export interface SlcanTransportOptions {
  bitsPerSecond: number;
  reconnectDelayMs: number;
  /** A BEL after this long since the last initialisation re-initialises the adapter. */
  reinitAfterMs: number;
}

const DEFAULTS: SlcanTransportOptions = {
  bitsPerSecond: 500_000,
  reconnectDelayMs: 2000,
  reinitAfterMs: 5000,
};

export class SlcanTransport implements CanBus {
  readonly counters: SlcanTransportCounters = {
    framesIn: 0,
    framesOut: 0,
    corrupt: 0,
    adapterErrors: 0,
    reconnects: 0,
  };
  private readonly listeners = new Set<(received: ReceivedFrame) => void>();
  private readonly options: SlcanTransportOptions;
  private parser = new SlcanLineParser();
  private connected = false;
  private stopped = false;
  private lastInitAt = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly port: BytePort,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<SlcanTransportOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get ready(): boolean {
    return this.connected;
  }

  /** Starts connecting in the background; never rejects (an absent adapter is retried). */
  start(): void {
    void this.connectLoop();
  }

  send(frame: CanFrame): boolean {
    if (!this.connected) {
      return false;
    }
    this.port.write(encodeSlcanFrame(frame));
    this.counters.framesOut += 1;
    return true;
  }

  onFrame(listener: (received: ReceivedFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.connected) {
      this.port.write(encodeSlcanCommand({ kind: 'close' }));
    }
    this.connected = false;
    await this.port.close();
  }

  private async connectLoop(): Promise<void> {
    while (!this.stopped && !this.connected) {
      try {
        this.parser = new SlcanLineParser();
        await this.port.open({
          onData: (chunk) => this.receive(chunk),
          onClose: (reason) => this.lost(reason),
        });
        this.connected = true;
        this.logger.info({ port: this.port.description }, 'SLCAN adapter connected');
        this.initialise();
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'SLCAN adapter unavailable; retrying');
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
    this.logger.warn({ port: this.port.description, reason }, 'SLCAN adapter lost; reconnecting');
    void this.clock.sleep(this.options.reconnectDelayMs, this.abort.signal).then(() => this.connectLoop());
  }

  /** Close (in case it was left open), set the bit rate, open. */
  private initialise(): void {
    const bitrate = slcanBitrateCommand(this.options.bitsPerSecond);
    const commands: SlcanCommand[] = [{ kind: 'close' }, ...(bitrate ? [bitrate] : []), { kind: 'open' }];
    this.port.write(commands.map(encodeSlcanCommand).join(''));
    this.lastInitAt = this.clock.now().getTime();
  }

  private receive(chunk: Uint8Array): void {
    const receivedAt = this.clock.now();
    for (const result of this.parser.push(chunk)) {
      this.handle(result, receivedAt);
    }
  }

  private handle(result: SlcanParseResult, receivedAt: Date): void {
    switch (result.kind) {
      case 'frame':
        this.counters.framesIn += 1;
        this.emit({ frame: result.frame, receivedAt });
        return;
      case 'corrupt':
        this.counters.corrupt += 1;
        this.logger.warn({ reason: result.reason, line: result.line }, 'corrupt SLCAN input ignored');
        return;
      case 'error':
        this.onAdapterError();
        return;
      default:
        return;
    }
  }

  /** A BEL long after initialisation means the adapter lost its state (e.g. was reset). */
  private onAdapterError(): void {
    this.counters.adapterErrors += 1;
    if (this.clock.now().getTime() - this.lastInitAt >= this.options.reinitAfterMs) {
      this.logger.warn('SLCAN adapter refused a command; re-initialising it');
      this.initialise();
    }
  }

  private emit(received: ReceivedFrame): void {
    for (const listener of this.listeners) {
      try {
        listener(received);
      } catch (error) {
        this.logger.error({ err: error }, 'frame listener failed');
      }
    }
  }
}
