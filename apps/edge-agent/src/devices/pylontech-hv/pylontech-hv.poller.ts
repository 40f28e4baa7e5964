// The Pylontech HV poll cycle as an explicit state machine (STYLE.md §11):
//
//   discover ─► poll ─► collect ─► idle ─┬─► poll      (every --poll-ms)
//      ▲                                 └─► discover  (every --discover-ms; next cycle if unanswered)
//
// discover: 0x4200 byte0 = 2, learn versions / composition (0x7310…0x7340) per address.
// poll:     0x4200 byte0 = 0, open the reply window.
// collect:  after the window, one PackSample per answering address → onSamples.
// idle:     wait for the next cycle.
// Each state has one small handler returning the next state; `step()` runs one of them, so a
// test can drive the machine cycle by cycle against a fake bus and clock.
import { decodeHvCanFrame, encodeHvCanFrame, request4200 } from '@fleet/protocol';
import type { PackSample, TopologyModule } from '@fleet/telemetry';
import type { CanBus } from '../../bus/can-bus.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { OnComposition, OnTopology } from '../bms-reader.js';
import type { ModuleSerialSource } from '../pylontech-rs485/rs485-module-serials.js';
import { assemblePackSample } from './assemble-pack-sample.js';
import { compositionEventOf } from './composition-event.js';
import { ReplyCollector } from './reply-collector.js';
import { assembleStringInfo, type StringInfo } from './string-info.js';
import { topologyEventOf } from './topology-event.js';

export type PollState = 'discover' | 'poll' | 'collect' | 'idle';

export interface PollerOptions {
  busName: string;
  pollMs: number;
  replyWindowMs: number;
  discoverMs: number;
}

export interface PollerDeps {
  bus: CanBus;
  clock: Clock;
  logger: Logger;
  /** One call per poll that got at least one usable burst. */
  onSamples(samples: PackSample[]): void;
  /** A string's composition, when first read and whenever it changes. */
  onComposition?: OnComposition;
  /** What answered on the bus, after a discovery round that found something new (issue 10). */
  onTopology?: OnTopology;
  /** Module serials (RS485 0x93), read once per discovery round for the topology event. */
  serials?: ModuleSerialSource;
}

export interface PollerCounters {
  polls: number;
  samples: number;
  /** Polls nobody answered (or the adapter was not ready). */
  silentPolls: number;
  /** Bursts that could not become a sample (e.g. no 0x4210). */
  badBursts: number;
  /** Reply frames whose payload does not decode (wrong DLC …); kept raw. */
  corruptFrames: number;
  /** Polls set aside because an address discovery had not seen answered (re-addressed string). */
  undiscovered: number;
}

export class PylontechHvPoller {
  readonly counters: PollerCounters = {
    polls: 0,
    samples: 0,
    silentPolls: 0,
    badBursts: 0,
    corruptFrames: 0,
    undiscovered: 0,
  };
  private state: PollState = 'discover';
  private readonly collector: ReplyCollector;
  private readonly known = new Map<number, StringInfo>();
  /** The strings of the last topology reported, to report only a change. */
  private lastTopology = '';
  /** Addresses that answered a poll before discovery saw them and already caused a round. */
  private readonly rediscoveredFor = new Set<number>();
  private cycleStartedAt = 0;
  private lastDiscoverAt = Number.NEGATIVE_INFINITY;
  private readonly handlers: Record<PollState, (signal?: AbortSignal) => Promise<PollState>> = {
    discover: (signal) => this.discover(signal),
    poll: async () => this.poll(),
    collect: (signal) => this.collect(signal),
    idle: (signal) => this.idle(signal),
  };

  constructor(
    private readonly deps: PollerDeps,
    private readonly options: PollerOptions,
  ) {
    this.collector = new ReplyCollector(deps.bus);
  }

  get current(): PollState {
    return this.state;
  }

  /** What discovery learned, by BMS address. */
  get strings(): ReadonlyMap<number, StringInfo> {
    return this.known;
  }

  async step(signal?: AbortSignal): Promise<PollState> {
    this.state = await this.handlers[this.state](signal);
    return this.state;
  }

  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.step(signal);
    }
    this.collector.dispose();
  }

  private async discover(signal?: AbortSignal): Promise<PollState> {
    this.cycleStartedAt = this.deps.clock.now().getTime();
    this.collector.begin();
    if (!this.sendPoll('system')) {
      this.collector.end();
      return 'idle';
    }
    await this.deps.clock.sleep(this.options.replyWindowMs, signal);
    const groups = this.collector.end();
    if (groups.size === 0) {
      // Not marked done: the next cycle asks again.
      this.deps.logger.warn('no string answered the system-information poll');
    } else {
      this.lastDiscoverAt = this.cycleStartedAt;
    }
    const infos = [...groups].map(([address, frames]) => assembleStringInfo(address, frames));
    this.reportTopology(infos, await this.readSerials(infos, signal));
    for (const info of infos) {
      const address = info.bmsAddress;
      if (JSON.stringify(info) !== JSON.stringify(this.known.get(address))) {
        this.deps.logger.info({ string: info }, 'string composition learned');
        this.deps.onComposition?.(compositionEventOf(info, this.options.busName, this.deps.clock.now()));
      }
      this.known.set(address, info);
    }
    return 'poll';
  }

  /**
   * Before the compositions, so the cloud learns a string's identity before anything else of the
   * round; a silent round (nothing answered) is not a topology, the next round asks again.
   */
  private reportTopology(infos: StringInfo[], modules: Map<number, TopologyModule[]>): void {
    if (infos.length === 0 || !this.deps.onTopology) {
      return;
    }
    const event = topologyEventOf(infos, this.options.busName, this.deps.clock.now(), modules);
    const key = JSON.stringify(event.strings);
    if (key !== this.lastTopology) {
      this.lastTopology = key;
      this.deps.onTopology(event);
    }
  }

  /** Per discovery round, not per poll: the RS485 bus is slow and serials rarely change. */
  private async readSerials(
    infos: StringInfo[],
    signal?: AbortSignal,
  ): Promise<Map<number, TopologyModule[]>> {
    const found = new Map<number, TopologyModule[]>();
    const source = this.deps.serials;
    if (source === undefined || this.deps.onTopology === undefined) {
      return found;
    }
    for (const info of infos) {
      const count = info.composition?.moduleCount;
      if (count !== undefined && count > 0) {
        found.set(info.bmsAddress, await source.read(info.bmsAddress, count, signal));
      }
    }
    return found;
  }

  private poll(): PollState {
    this.cycleStartedAt = this.deps.clock.now().getTime();
    this.collector.begin();
    if (!this.sendPoll('ensemble')) {
      this.collector.end();
      this.noteSilence('SLCAN adapter not ready; poll skipped');
      return 'idle';
    }
    this.counters.polls += 1;
    return 'collect';
  }

  private async collect(signal?: AbortSignal): Promise<PollState> {
    await this.deps.clock.sleep(this.options.replyWindowMs, signal);
    const groups = [...this.collector.end()].sort(([a], [b]) => a - b);
    if (this.undiscovered(groups.map(([address]) => address))) {
      return 'discover';
    }
    const samples: PackSample[] = [];
    for (const [bmsAddress, frames] of groups) {
      const result = assemblePackSample({ bus: this.options.busName, bmsAddress, frames });
      this.counters.corruptFrames += frames.filter(
        (f) => decodeHvCanFrame(f.frame).status === 'corrupt',
      ).length;
      if (result.problems.length > 0) {
        this.deps.logger.warn({ bmsAddress, problems: result.problems }, 'frames kept raw');
      }
      if (result.ok) {
        samples.push(result.sample);
      } else {
        this.counters.badBursts += 1;
        this.deps.logger.warn({ bmsAddress, reason: result.reason }, 'burst dropped');
      }
    }
    if (samples.length === 0) {
      this.noteSilence('no usable reply to the poll');
      return 'idle';
    }
    this.counters.samples += samples.length;
    this.deps.onSamples(samples);
    return 'idle';
  }

  /**
   * A string that answers at an address discovery has not seen (re-addressed, re-cabled) is
   * discovered before it is sampled, so the cloud learns who it is (topology with serials) before
   * its first sample arrives at the new address. Once per address: one that never answers the
   * system-information poll is sampled anyway.
   */
  private undiscovered(addresses: number[]): boolean {
    const fresh = addresses.filter((a) => !this.known.has(a) && !this.rediscoveredFor.has(a));
    if (fresh.length === 0 || this.known.size === 0) {
      return false;
    }
    for (const address of fresh) {
      this.rediscoveredFor.add(address);
    }
    this.counters.undiscovered += 1;
    this.deps.logger.info(
      { addresses: fresh },
      'unknown address answered the poll; discovering before sampling it',
    );
    return true;
  }

  private async idle(signal?: AbortSignal): Promise<PollState> {
    const wait = this.cycleStartedAt + this.options.pollMs - this.deps.clock.now().getTime();
    await this.deps.clock.sleep(Math.max(0, wait), signal);
    const sinceDiscover = this.deps.clock.now().getTime() - this.lastDiscoverAt;
    return sinceDiscover >= this.options.discoverMs ? 'discover' : 'poll';
  }

  private sendPoll(kind: 'ensemble' | 'system'): boolean {
    return this.deps.bus.send(encodeHvCanFrame({ type: '4200', ...request4200(kind) }));
  }

  /** Warns on the first silent poll and then every 30th, so a dead bus does not flood the log. */
  private noteSilence(message: string): void {
    this.counters.silentPolls += 1;
    if (this.counters.silentPolls % 30 === 1) {
      this.deps.logger.warn({ silentPolls: this.counters.silentPolls }, message);
    }
  }
}
