// Listen-only reading of Pylontech HV strings: the inverter polls, this agent never transmits
// and assembles samples from the reply bursts the inverter's polls trigger. Explicit states
// (STYLE.md §11):
//
//   listen ──(a 0x4200 request, or a reply frame outside any window)──► collect
//   collect ──(the reply window since the burst opened has passed)──► assemble ──► listen
//
// A burst is what follows one 0x4200 request, or, if the request was missed, the frames arriving
// within --reply-window-ms of the first reply frame. Its frames are grouped by BMS address;
// 0x421x…0x429x become one PackSample per address, 0x731x…0x734x (the inverter's
// system-information poll) teach the string composition. `step()` runs one state's handler so a
// test can drive the machine against a fake bus and clock.
import { decodeHvCanFrame, hvReplyAddress } from '@fleet/protocol';
import type { PackSample } from '@fleet/telemetry';
import type { CanBus, ReceivedFrame } from '../../bus/can-bus.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { OnComposition } from '../bms-reader.js';
import { assemblePackSample } from './assemble-pack-sample.js';
import { compositionEventOf } from './composition-event.js';
import type { HvReader } from './hv-reader.js';
import { assembleStringInfo, type StringInfo } from './string-info.js';

export type ListenState = 'listen' | 'collect' | 'assemble';

export interface ListenerOptions {
  busName: string;
  replyWindowMs: number;
}

export interface ListenerDeps {
  bus: CanBus;
  clock: Clock;
  logger: Logger;
  /** One call per burst that gave at least one usable sample. */
  onSamples(samples: PackSample[]): void;
  /** A string's composition, when first read and whenever it changes. */
  onComposition?: OnComposition;
}

export interface ListenerCounters {
  /** 0x4200 requests the inverter sent, by kind (byte0). */
  requests: Record<'ensemble' | 'system' | 'cells' | 'other', number>;
  bursts: number;
  samples: number;
  /** Requests nobody answered within the window. */
  silentRequests: number;
  /** Address groups that could not become a sample (e.g. no 0x4210). */
  badBursts: number;
  /** Reply frames whose payload does not decode (wrong DLC, standard id …); kept raw. */
  corruptFrames: number;
  /** Frames that belong to no burst (other ids, standard frames, commands). */
  foreign: number;
}

interface Burst {
  openedAt: number;
  request: boolean;
  groups: Map<number, ReceivedFrame[]>;
}

const REQUEST_ID = 0x4200;
const WARN_EVERY = 100;

export class PylontechHvListener implements HvReader {
  readonly counters: ListenerCounters = {
    requests: { ensemble: 0, system: 0, cells: 0, other: 0 },
    bursts: 0,
    samples: 0,
    silentRequests: 0,
    badBursts: 0,
    corruptFrames: 0,
    foreign: 0,
  };
  private state: ListenState = 'listen';
  private open: Burst | undefined;
  private readonly closed: Burst[] = [];
  private readonly known = new Map<number, StringInfo>();
  private wake: (() => void) | undefined;
  private problemReports = 0;
  private readonly unsubscribe: () => void;
  private readonly handlers: Record<ListenState, (signal?: AbortSignal) => Promise<ListenState>> = {
    listen: (signal) => this.listen(signal),
    collect: (signal) => this.collect(signal),
    assemble: async () => this.assemble(),
  };

  constructor(
    private readonly deps: ListenerDeps,
    private readonly options: ListenerOptions,
  ) {
    this.unsubscribe = deps.bus.onFrame((received) => this.accept(received));
  }

  get current(): ListenState {
    return this.state;
  }

  /** What the inverter's system-information polls taught, by BMS address. */
  get strings(): ReadonlyMap<number, StringInfo> {
    return this.known;
  }

  async step(signal?: AbortSignal): Promise<ListenState> {
    this.state = await this.handlers[this.state](signal);
    return this.state;
  }

  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.step(signal);
    }
    this.unsubscribe();
  }

  /** Waits for a burst to open (or one window, so an abort is noticed). */
  private async listen(signal?: AbortSignal): Promise<ListenState> {
    if (this.open === undefined && this.closed.length === 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void this.deps.clock.sleep(this.options.replyWindowMs, signal).then(resolve);
      });
      this.wake = undefined;
    }
    if (this.closed.length > 0) {
      return 'assemble';
    }
    return this.open === undefined ? 'listen' : 'collect';
  }

  private async collect(signal?: AbortSignal): Promise<ListenState> {
    const open = this.open;
    if (open !== undefined) {
      const wait = open.openedAt + this.options.replyWindowMs - this.deps.clock.now().getTime();
      await this.deps.clock.sleep(Math.max(0, wait), signal);
      if (this.open === open && this.expired(open, this.deps.clock.now().getTime())) {
        this.closeOpen();
      }
    }
    return 'assemble';
  }

  private assemble(): ListenState {
    for (const burst of this.closed.splice(0)) {
      this.counters.bursts += 1;
      this.learnComposition(burst);
      this.emitSamples(burst);
    }
    return this.open === undefined ? 'listen' : 'collect';
  }

  private accept(received: ReceivedFrame): void {
    const { frame } = received;
    const at = received.receivedAt.getTime();
    if (frame.extended && frame.id === REQUEST_ID) {
      this.onRequest(received);
      return;
    }
    const address = hvReplyAddress(frame);
    if (address === undefined) {
      this.counters.foreign += 1;
      return;
    }
    if (decodeHvCanFrame(frame).status === 'corrupt') {
      this.counters.corruptFrames += 1;
    }
    if (this.open !== undefined && this.expired(this.open, at)) {
      this.closeOpen();
    }
    const burst = this.open ?? this.openBurst(at, false);
    const group = burst.groups.get(address) ?? [];
    group.push(received);
    burst.groups.set(address, group);
  }

  private onRequest(received: ReceivedFrame): void {
    const decoded = decodeHvCanFrame(received.frame);
    if (decoded.status !== 'ok' || decoded.message.type !== '4200') {
      this.counters.corruptFrames += 1;
      return;
    }
    this.counters.requests[decoded.message.kind] += 1;
    // A new request ends the previous burst, whatever its window says.
    this.closeOpen();
    this.openBurst(received.receivedAt.getTime(), true);
  }

  private openBurst(at: number, request: boolean): Burst {
    this.open = { openedAt: at, request, groups: new Map() };
    this.wake?.();
    return this.open;
  }

  private closeOpen(): void {
    if (this.open !== undefined) {
      this.closed.push(this.open);
      this.open = undefined;
    }
  }

  private expired(burst: Burst, at: number): boolean {
    return at - burst.openedAt >= this.options.replyWindowMs;
  }

  private learnComposition(burst: Burst): void {
    for (const [address, frames] of burst.groups) {
      const system = frames.filter((f) => f.frame.id >> 8 === 0x73);
      if (system.length === 0) {
        continue;
      }
      const info = { ...this.known.get(address), ...assembleStringInfo(address, system) };
      if (JSON.stringify(info) !== JSON.stringify(this.known.get(address))) {
        this.deps.logger.info({ string: info }, 'string composition learned');
        this.deps.onComposition?.(compositionEventOf(info, this.options.busName, new Date(burst.openedAt)));
      }
      this.known.set(address, info);
    }
  }

  private emitSamples(burst: Burst): void {
    const samples: PackSample[] = [];
    const groups = [...burst.groups].sort(([a], [b]) => a - b);
    for (const [bmsAddress, all] of groups) {
      const frames = all.filter((f) => f.frame.id >> 8 === 0x42);
      if (frames.length === 0) {
        continue;
      }
      const result = assemblePackSample({ bus: this.options.busName, bmsAddress, frames });
      if (result.ok) {
        samples.push(result.sample);
      } else {
        this.counters.badBursts += 1;
      }
      this.noteProblems(bmsAddress, result.ok ? undefined : result.reason, result.problems);
    }
    if (samples.length > 0) {
      this.counters.samples += samples.length;
      this.deps.onSamples(samples);
    } else if (burst.request && burst.groups.size === 0) {
      this.counters.silentRequests += 1;
    }
  }

  /** Bad bursts are logged at warn the first time and every 100th, so garbage cannot flood. */
  private noteProblems(bmsAddress: number, dropped: string | undefined, problems: string[]): void {
    if (dropped === undefined && problems.length === 0) {
      return;
    }
    this.problemReports += 1;
    const context = { bus: this.options.busName, bmsAddress, dropped, problems, counters: this.counters };
    if (this.problemReports % WARN_EVERY === 1) {
      this.deps.logger.warn(context, dropped ? 'burst dropped' : 'frames kept raw');
    } else {
      this.deps.logger.debug(context, dropped ? 'burst dropped' : 'frames kept raw');
    }
  }
}
