// Between the poller and the outbox: applies the sampling plan to every pack reading
// (report-by-exception per string), schedules per-cell snapshots (every `cellsEveryS`, at once
// on an alarm/protection/error edge, or on command) from a CellSource, and hands the reported
// values over in compact envelopes (one `packs` series per string + `cells` snapshots) every
// `flushEveryS`, or at once after an edge.
import {
  type CellSnapshot,
  type CellTrigger,
  cellSnapshotSchema,
  encodePackSeries,
  type KnownSample,
  type PackSample,
} from '@fleet/telemetry';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { CellSource, CellTarget } from './cell-source.js';
import { ReportByException } from './report-by-exception.js';
import { DEFAULT_SAMPLING_PLAN, type SamplingPlan } from './sampling-plan.js';

export interface UplinkSamplerDeps {
  clock: Clock;
  cells: CellSource;
  logger: Logger;
  /** One call per flush with at least one sample; the caller wraps them in an envelope. */
  emit(samples: KnownSample[]): void;
}

export interface UplinkSamplerCounters {
  readings: number;
  reported: number;
  edges: number;
  cellSnapshots: number;
  cellFailures: number;
  flushes: number;
}

interface StringState {
  target: CellTarget;
  rbe: ReportByException;
  lastCellsAt: number;
  cellsInFlight: boolean;
}

const keyOf = (t: CellTarget) => `${t.bus}#${t.bmsAddress}`;

export class UplinkSampler {
  readonly counters: UplinkSamplerCounters = {
    readings: 0,
    reported: 0,
    edges: 0,
    cellSnapshots: 0,
    cellFailures: 0,
    flushes: 0,
  };
  private currentPlan: SamplingPlan;
  private readonly strings = new Map<string, StringState>();
  private readonly pendingPacks = new Map<string, PackSample[]>();
  private pendingCells: CellSnapshot[] = [];
  /** When the oldest value still waiting to be sent was queued. */
  private pendingSince: number | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private flushOnNextOffer = false;

  constructor(
    private readonly deps: UplinkSamplerDeps,
    plan: SamplingPlan = DEFAULT_SAMPLING_PLAN,
  ) {
    this.currentPlan = plan;
  }

  get plan(): SamplingPlan {
    return this.currentPlan;
  }

  /** Takes effect with the next reading (plan.set from the cloud, or a reloaded file). */
  setPlan(plan: SamplingPlan): void {
    this.currentPlan = plan;
  }

  /** Strings seen so far (for commands and the status endpoint). */
  get targets(): CellTarget[] {
    return [...this.strings.values()].map((s) => s.target);
  }

  /** Every known string reports its next reading in full, sent at once (the repoll command). */
  reportNextInFull(): void {
    for (const state of this.strings.values()) {
      state.rbe.forceNext();
    }
    this.flushOnNextOffer = true;
  }

  /** The poller's readings of one poll. */
  offer(samples: readonly PackSample[]): void {
    let flushNow = this.flushOnNextOffer;
    this.flushOnNextOffer = false;
    for (const sample of samples) {
      this.counters.readings += 1;
      const state = this.stateOf(sample);
      const decision = state.rbe.offer(sample, this.currentPlan);
      if (decision.report) {
        this.counters.reported += 1;
        const key = keyOf(state.target);
        this.pendingPacks.set(key, [...(this.pendingPacks.get(key) ?? []), decision.report]);
        this.pendingSince ??= this.deps.clock.now().getTime();
      }
      const at = Date.parse(sample.ts);
      if (decision.edge) {
        this.counters.edges += 1;
        flushNow = true;
        this.takeCells(state, 'edge');
      } else if (at - state.lastCellsAt >= this.currentPlan.cellsEveryS * 1000) {
        this.takeCells(state, 'schedule');
      }
    }
    if (flushNow) {
      this.flush();
    } else {
      this.tick();
    }
  }

  /** Flushes once the oldest pending value has waited `flushEveryS`; call it periodically. */
  tick(): void {
    const waiting = this.pendingSince;
    if (
      waiting !== undefined &&
      this.deps.clock.now().getTime() - waiting >= this.currentPlan.flushEveryS * 1000
    ) {
      this.flush();
    }
  }

  /** Calls tick() every second until `signal` aborts (the agent's flush timer). */
  async runFlushTimer(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.deps.clock.sleep(1000, signal);
      this.tick();
    }
  }

  /** Sends everything pending now, as one envelope's samples. */
  flush(): void {
    this.pendingSince = undefined;
    const samples: KnownSample[] = [...this.pendingPacks.values()].map((list) => encodePackSeries(list));
    samples.push(...this.pendingCells);
    this.pendingPacks.clear();
    this.pendingCells = [];
    if (samples.length > 0) {
      this.counters.flushes += 1;
      this.deps.emit(samples);
    }
  }

  /**
   * Takes a snapshot of one string now (the `cells` command); resolves with it once it is
   * queued and flushed, or undefined when the source has none.
   */
  async snapshotNow(target: CellTarget, signal?: AbortSignal): Promise<CellSnapshot | undefined> {
    const state = this.stateOf(target);
    return this.readCells(state, 'command', signal);
  }

  /** Waits for snapshot reads in progress (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private takeCells(state: StringState, trigger: CellTrigger): void {
    if (state.cellsInFlight) {
      return;
    }
    const read = this.readCells(state, trigger);
    this.inFlight.add(read);
    void read.finally(() => this.inFlight.delete(read));
  }

  private async readCells(
    state: StringState,
    trigger: CellTrigger,
    signal?: AbortSignal,
  ): Promise<CellSnapshot | undefined> {
    state.cellsInFlight = true;
    // Marked at the request: a failing source is retried at the next cadence, not every poll.
    state.lastCellsAt = this.deps.clock.now().getTime();
    try {
      const reading = await this.deps.cells.readCells(state.target, signal);
      if (reading === undefined) {
        return undefined;
      }
      const parsed = cellSnapshotSchema.safeParse({
        kind: 'cells',
        ts: this.deps.clock.now().toISOString(),
        ...state.target,
        source: reading.source,
        trigger,
        cellVoltagesMv: reading.cellVoltagesMv,
        ...(reading.cellTempsDc ? { cellTempsDc: reading.cellTempsDc } : {}),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`snapshot invalid: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      const snapshot = parsed.data as CellSnapshot;
      this.counters.cellSnapshots += 1;
      this.pendingCells.push(snapshot);
      this.pendingSince ??= this.deps.clock.now().getTime();
      if (trigger !== 'schedule') {
        this.flush();
      }
      return snapshot;
    } catch (error) {
      this.counters.cellFailures += 1;
      this.deps.logger.warn(
        { string: keyOf(state.target), trigger, err: (error as Error).message },
        'cell snapshot failed',
      );
      return undefined;
    } finally {
      state.cellsInFlight = false;
    }
  }

  private stateOf(target: CellTarget): StringState {
    const key = keyOf(target);
    let state = this.strings.get(key);
    if (state === undefined) {
      state = {
        target: { bus: target.bus, bmsAddress: target.bmsAddress },
        rbe: new ReportByException(),
        lastCellsAt: Number.NEGATIVE_INFINITY,
        cellsInFlight: false,
      };
      this.strings.set(key, state);
    }
    return state;
  }
}
