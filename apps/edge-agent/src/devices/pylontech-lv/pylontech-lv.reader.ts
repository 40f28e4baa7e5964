// Reading a Pylontech LV battery on its CAN bus (protocol reference §2). The battery broadcasts
// 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E (newer firmware: 0x35A, 0x35F instead of 0x359,
// 0x35C) about once a second without being asked; the inverter sends the keep-alive 0x305.
//   active:      the agent is the only peer (no inverter) and sends the all-zero 0x305 every
//                second, as an inverter would, so batteries that wait for it keep talking.
//   listen-only: an inverter is on the bus; the agent never sends anything.
// Explicit states (STYLE.md §11):
//
//   listen ──(a broadcast frame arrives)──► collect ──(window passed)──► assemble ──► listen
//
// A cycle is the broadcast frames from the first one until an id repeats (the next cycle began)
// or --reply-window-ms has passed. A cycle with 0x355 and 0x356 becomes one PackSample; 0x359
// and 0x35E teach the module count and manufacturer (a composition event when they change).
// `step()` runs one state's handler so a test can drive the machine against a fake bus and clock.
import { decodeLvCanFrame, encodeLvCanFrame, KEEP_ALIVE_305 } from '@fleet/protocol';
import type { CompositionEvent, PackSample } from '@fleet/telemetry';
import type { CanBus, ReceivedFrame } from '../../bus/can-bus.js';
import type { BusMode } from '../../bus/slcan-transport.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { BmsReader, OnComposition } from '../bms-reader.js';
import { assembleLvSample, LV_BMS_ADDRESS, type LvSystemInfo } from './assemble-lv-sample.js';

export type LvReadState = 'listen' | 'collect' | 'assemble';

export interface LvReaderOptions {
  busName: string;
  mode: BusMode;
  /** How long after its first frame a cycle is closed even if no id repeated. */
  cycleWindowMs: number;
}

export interface LvReaderDeps {
  bus: CanBus;
  clock: Clock;
  logger: Logger;
  onSamples(samples: PackSample[]): void;
  onComposition?: OnComposition;
}

export interface LvReaderCounters {
  cycles: number;
  samples: number;
  /** Cycles that could not become a sample (no 0x355/0x356, values out of range). */
  badCycles: number;
  /** Broadcast frames that did not decode (wrong DLC, extended id); kept raw. */
  corruptFrames: number;
  /** Frames that are no battery broadcast (0x305 of an inverter, other ids). */
  foreign: number;
  keepAlivesSent: number;
  /** Keep-alives the bus did not take (adapter not ready). */
  keepAlivesUnsent: number;
}

interface Cycle {
  openedAt: number;
  ids: Set<number>;
  frames: ReceivedFrame[];
}

/** Reference §2.1: emulators and inverters send 0x305 (and batteries broadcast) every second. */
export const LV_KEEP_ALIVE_MS = 1000;
const WARN_EVERY = 100;

/** The battery's broadcast ids are 0x350…0x35F (standard); everything else is someone else's. */
function isBroadcastId(frame: ReceivedFrame['frame']): boolean {
  return frame.id >> 4 === 0x35 && !frame.extended;
}

export class PylontechLvReader implements BmsReader {
  readonly counters: LvReaderCounters = {
    cycles: 0,
    samples: 0,
    badCycles: 0,
    corruptFrames: 0,
    foreign: 0,
    keepAlivesSent: 0,
    keepAlivesUnsent: 0,
  };
  private state: LvReadState = 'listen';
  private open: Cycle | undefined;
  private readonly closed: Cycle[] = [];
  private known: LvSystemInfo | undefined;
  private nextKeepAliveAt = Number.NEGATIVE_INFINITY;
  private wake: (() => void) | undefined;
  private problemReports = 0;
  private readonly unsubscribe: () => void;
  private readonly handlers: Record<LvReadState, (signal?: AbortSignal) => Promise<LvReadState>> = {
    listen: (signal) => this.listen(signal),
    collect: (signal) => this.collect(signal),
    assemble: async () => this.assemble(),
  };

  constructor(
    private readonly deps: LvReaderDeps,
    private readonly options: LvReaderOptions,
  ) {
    this.unsubscribe = deps.bus.onFrame((received) => this.accept(received));
  }

  get current(): LvReadState {
    return this.state;
  }

  /** Module count and manufacturer as last broadcast. */
  get system(): LvSystemInfo | undefined {
    return this.known;
  }

  async step(signal?: AbortSignal): Promise<LvReadState> {
    this.state = await this.handlers[this.state](signal);
    return this.state;
  }

  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.step(signal);
    }
    this.unsubscribe();
  }

  /** Sends a due keep-alive (active mode), then waits for a cycle to open or the next one. */
  private async listen(signal?: AbortSignal): Promise<LvReadState> {
    this.keepAliveIfDue();
    if (this.open === undefined && this.closed.length === 0) {
      const untilKeepAlive = this.nextKeepAliveAt - this.deps.clock.now().getTime();
      const waitMs =
        this.options.mode === 'active' ? Math.max(0, untilKeepAlive) : this.options.cycleWindowMs;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void this.deps.clock.sleep(waitMs, signal).then(resolve);
      });
      this.wake = undefined;
    }
    if (this.closed.length > 0) {
      return 'assemble';
    }
    return this.open === undefined ? 'listen' : 'collect';
  }

  private async collect(signal?: AbortSignal): Promise<LvReadState> {
    const open = this.open;
    if (open !== undefined) {
      const wait = open.openedAt + this.options.cycleWindowMs - this.deps.clock.now().getTime();
      await this.deps.clock.sleep(Math.max(0, wait), signal);
      if (this.open === open && this.expired(open, this.deps.clock.now().getTime())) {
        this.closeOpen();
      }
    }
    return 'assemble';
  }

  private assemble(): LvReadState {
    for (const cycle of this.closed.splice(0)) {
      this.counters.cycles += 1;
      this.emit(cycle);
    }
    return this.open === undefined ? 'listen' : 'collect';
  }

  private keepAliveIfDue(): void {
    const now = this.deps.clock.now().getTime();
    if (this.options.mode !== 'active' || now < this.nextKeepAliveAt) {
      return;
    }
    this.nextKeepAliveAt = now + LV_KEEP_ALIVE_MS;
    if (this.deps.bus.send(encodeLvCanFrame({ type: '305', ...KEEP_ALIVE_305 }))) {
      this.counters.keepAlivesSent += 1;
    } else {
      this.counters.keepAlivesUnsent += 1;
    }
  }

  private accept(received: ReceivedFrame): void {
    const { frame } = received;
    if (!isBroadcastId(frame)) {
      this.counters.foreign += 1;
      return;
    }
    if (decodeLvCanFrame(frame).status === 'corrupt') {
      this.counters.corruptFrames += 1;
    }
    const at = received.receivedAt.getTime();
    if (this.open !== undefined && (this.expired(this.open, at) || this.open.ids.has(frame.id))) {
      this.closeOpen();
    }
    if (this.open === undefined) {
      this.open = { openedAt: at, ids: new Set(), frames: [] };
      this.wake?.();
    }
    this.open.ids.add(frame.id);
    this.open.frames.push(received);
  }

  private closeOpen(): void {
    if (this.open !== undefined) {
      this.closed.push(this.open);
      this.open = undefined;
    }
  }

  private expired(cycle: Cycle, at: number): boolean {
    return at - cycle.openedAt >= this.options.cycleWindowMs;
  }

  private emit(cycle: Cycle): void {
    const result = assembleLvSample({ bus: this.options.busName, frames: cycle.frames });
    this.learn(result.info, cycle.openedAt);
    if (result.ok) {
      this.counters.samples += 1;
      this.deps.onSamples([result.sample]);
    } else {
      this.counters.badCycles += 1;
    }
    this.noteProblems(result.ok ? undefined : result.reason, result.problems);
  }

  /** A composition event when the module count or manufacturer is first seen or changes. */
  private learn(info: LvSystemInfo, at: number): void {
    const merged = { ...this.known, ...info };
    if (Object.keys(merged).length === 0 || JSON.stringify(merged) === JSON.stringify(this.known)) {
      return;
    }
    this.known = merged;
    const event: CompositionEvent = {
      kind: 'composition',
      ts: new Date(at).toISOString(),
      bus: this.options.busName,
      bmsAddress: LV_BMS_ADDRESS,
      protocol: 'lv-can',
      ...merged,
    };
    this.deps.logger.info({ bus: this.options.busName, system: merged }, 'LV battery composition learned');
    this.deps.onComposition?.(event);
  }

  /** Bad cycles are logged at warn the first time and every 100th, so garbage cannot flood. */
  private noteProblems(dropped: string | undefined, problems: string[]): void {
    if (dropped === undefined && problems.length === 0) {
      return;
    }
    this.problemReports += 1;
    const context = { bus: this.options.busName, dropped, problems, counters: this.counters };
    const message = dropped ? 'LV cycle dropped' : 'LV frames kept raw';
    if (this.problemReports % WARN_EVERY === 1) {
      this.deps.logger.warn(context, message);
    } else {
      this.deps.logger.debug(context, message);
    }
  }
}
