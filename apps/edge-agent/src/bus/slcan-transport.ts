// CAN over an SLCAN adapter: connects (and reconnects forever), initialises the adapter
// (`C`, `S6`, then `O`, or `L` in listen-only mode), writes frames, parses the byte stream and
// hands received frames to listeners. Corrupt input is counted by kind and logged with its
// source (bus name, device path); nothing received can throw out of here.
// Listen-only: the adapter is opened with Lawicel `L`, so its controller neither transmits nor
// even acknowledges frames on the wire, and `send()` refuses every frame without writing it.
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
import { classifySlcanGarbage, emptyGarbageCounts, type SlcanGarbageKind } from './slcan-garbage.js';

export type BusMode = 'active' | 'listen-only';

/** Lawicel "open in listen-only mode"; the shared SLCAN encoder only knows `O`. */
const SLCAN_LISTEN_ONLY_OPEN = 'L\r';
/** A kind of garbage is logged at warn level the first time and then every this many times. */
const GARBAGE_WARN_EVERY = 100;

export interface SlcanTransportCounters {
  framesIn: number;
  framesOut: number;
  corrupt: number;
  /** `corrupt` split by what the line was. */
  corruptByKind: Record<SlcanGarbageKind, number>;
  /** Frames a listen-only transport refused to send (a bug upstream if ever non-zero). */
  refusedSends: number;
  /** BEL replies: the adapter refused a command or a frame. */
  adapterErrors: number;
  reconnects: number;
}

export interface SlcanTransportOptions {
  /** For logs: the bus this adapter is on (`--bus-name`). */
  busName: string;
  mode: BusMode;
  bitsPerSecond: number;
  reconnectDelayMs: number;
  /** A BEL after this long since the last initialisation re-initialises the adapter. */
  reinitAfterMs: number;
}

const DEFAULTS: SlcanTransportOptions = {
  busName: 'can0',
  mode: 'active',
  bitsPerSecond: 500_000,
  reconnectDelayMs: 2000,
  reinitAfterMs: 5000,
};

export class SlcanTransport implements CanBus {
  readonly counters: SlcanTransportCounters = {
    framesIn: 0,
    framesOut: 0,
    corrupt: 0,
    corruptByKind: emptyGarbageCounts(),
    refusedSends: 0,
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

  get mode(): BusMode {
    return this.options.mode;
  }

  send(frame: CanFrame): boolean {
    if (this.options.mode === 'listen-only') {
      this.counters.refusedSends += 1;
      this.logger.error({ bus: this.options.busName, id: frame.id }, 'listen-only bus: frame not sent');
      return false;
    }
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
        this.logger.info(
          { bus: this.options.busName, port: this.port.description, mode: this.options.mode },
          'SLCAN adapter connected',
        );
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

  /** Close (in case it was left open), set the bit rate, open (listen-only: `L`). */
  private initialise(): void {
    const bitrate = slcanBitrateCommand(this.options.bitsPerSecond);
    const setup: SlcanCommand[] = [{ kind: 'close' }, ...(bitrate ? [bitrate] : [])];
    const open =
      this.options.mode === 'listen-only' ? SLCAN_LISTEN_ONLY_OPEN : encodeSlcanCommand({ kind: 'open' });
    this.port.write(setup.map(encodeSlcanCommand).join('') + open);
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
        this.onGarbage(result.reason, result.line);
        return;
      case 'error':
        this.onAdapterError();
        return;
      default:
        return;
    }
  }

  private onGarbage(reason: string, line: string): void {
    const kind = classifySlcanGarbage(reason);
    this.counters.corrupt += 1;
    const count = this.counters.corruptByKind[kind] + 1;
    this.counters.corruptByKind[kind] = count;
    const context = { bus: this.options.busName, port: this.port.description, kind, count, reason, line };
    if (count % GARBAGE_WARN_EVERY === 1) {
      this.logger.warn(context, 'corrupt SLCAN input ignored');
    } else {
      this.logger.debug(context, 'corrupt SLCAN input ignored');
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
